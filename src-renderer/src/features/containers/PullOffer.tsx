import { useAppStore } from '../../stores/context.js';

/** A missing image: pull it here with progress (where a registry answers), or say why not. */
export function PullOffer({ image }: { image: string }): React.JSX.Element {
  const pull = useAppStore((s) => (s.pull?.image === image ? s.pull : null));
  const start = useAppStore((s) => s.pullImage);
  const cancel = useAppStore((s) => s.cancelPull);
  const p = pull?.progress;
  return (
    <div className="pull-offer" data-testid="pull-offer" data-state={pull?.state ?? 'idle'}>
      {pull?.state === 'running' ? (
        <>
          <progress max={p?.total ?? 1} value={p?.total ? (p.current ?? 0) : undefined} />
          <span className="muted">{p?.message ?? `Pulling ${image}…`}</span>
          <button type="button" className="button small" onClick={() => void cancel()} data-testid="pull-cancel">
            Cancel pull
          </button>
        </>
      ) : (
        <button type="button" className="button small" onClick={() => void start(image)} data-testid="pull-start">
          Pull {image}
        </button>
      )}
      {pull?.state === 'done' ? <span className="muted"> Pulled; bring the topology up again.</span> : null}
      {pull?.state === 'failed' ? (
        <span className="field-error" role="alert" data-testid="pull-error">
          {' '}
          {pull.error}
        </span>
      ) : null}
    </div>
  );
}
