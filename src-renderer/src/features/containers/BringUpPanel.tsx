import { useEffect } from 'react';
import { useAppStore } from '../../stores/context.js';
import { ChaosTimeline } from './ChaosTimeline.js';
import { PullOffer } from './PullOffer.js';
import { ScenarioChaos } from './ScenarioChaos.js';

/** The open document as real containers: what would be created, bring-up with progress and cancel, tear-down. */
export function BringUpPanel(): React.JSX.Element {
  const document = useAppStore((s) => s.doc?.document);
  const docName = useAppStore((s) => s.doc?.name);
  const plan = useAppStore((s) => s.plan);
  const planIt = useAppStore((s) => s.planOpenDocument);
  const bringUp = useAppStore((s) => s.bringUp);
  const start = useAppStore((s) => s.bringUpOpenDocument);
  const cancel = useAppStore((s) => s.cancelBringUp);
  const bringUps = useAppStore((s) => s.bringUps);
  const tearDown = useAppStore((s) => s.tearDownTopology);

  useEffect(() => {
    if (document) void planIt();
  }, [document, planIt]);

  const running = bringUp?.state === 'running';
  const last = bringUp?.progress.at(-1);
  const up = plan ? bringUps.find((b) => b.topologyId === plan.topologyId) : undefined;
  const containers = plan?.nodes.reduce((n, node) => n + node.containers.length, 0) ?? 0;

  return (
    <section className="panel" aria-label="Bring up the topology" data-testid="bring-up-panel">
      <div className="panel-header">
        <h2>Bring up {docName ? `“${docName}”` : 'the open topology'}</h2>
        <div className="row-actions">
          <button type="button" className="button primary" disabled={!plan || running || containers === 0 || up !== undefined} onClick={() => void start()} data-testid="bring-up-start">
            Bring up
          </button>
          {running ? (
            <button type="button" className="button" onClick={() => void cancel()} data-testid="bring-up-cancel">
              Cancel
            </button>
          ) : null}
          {up ? (
            <button type="button" className="button danger" onClick={() => void tearDown(up.topologyId)} data-testid="tear-down">
              Tear down
            </button>
          ) : null}
        </div>
      </div>
      {!document ? <p className="muted">Open a valid topology document to bring it up as containers.</p> : null}
      {plan ? (
        <div data-testid="bring-up-plan">
          <p className="muted">
            {containers} container(s) on network <span className="mono">{plan.network}</span>, started in dependency order, each waited on until healthy. Everything carries the label{' '}
            <span className="mono">io.devsim.topology={plan.topologyId}</span>; tear-down removes exactly that.
          </p>
          <ol className="plan-nodes">
            {plan.nodes.map((n) => (
              <li key={n.node}>
                <strong>{n.node}</strong> <span className="mono">{n.image}</span> × {n.containers.length}
                {n.ports.length > 0 ? <span className="mono"> {n.ports.join(', ')}</span> : null}
                {n.after.length > 0 ? <span className="muted"> after {n.after.join(', ')}</span> : null}
              </li>
            ))}
          </ol>
          {plan.simulatedOnly.length > 0 ? <p className="muted">Simulated only (no image): {plan.simulatedOnly.map((s) => s.node).join(', ')}</p> : null}
        </div>
      ) : null}
      {bringUp ? (
        <div className="bring-up-progress" data-testid="bring-up-progress" data-state={bringUp.state}>
          <progress max={Math.max(1, last?.total ?? 1)} value={last?.current ?? 0} />
          <p role="status" data-testid="bring-up-message">
            {bringUp.state === 'failed' || bringUp.state === 'cancelled' ? bringUp.error : (last?.message ?? 'Starting…')}
          </p>
          {bringUp.missingImage ? <PullOffer image={bringUp.missingImage} /> : null}
        </div>
      ) : null}
      {up ? (
        <div data-testid="bring-up-running">
          <h3>Up now</h3>
          <ul>
            {up.containers.map((c) => (
              <li key={c.id} data-testid="bring-up-container">
                <span className="mono">{c.name}</span> <span className="muted">{c.status}</span>
              </li>
            ))}
          </ul>
          <ScenarioChaos />
          <ChaosTimeline topologyId={up.topologyId} />
        </div>
      ) : null}
      {bringUps
        .filter((b) => b.topologyId !== plan?.topologyId)
        .map((b) => (
          <p key={b.topologyId} className="muted" data-testid="also-up" data-topology={b.topologyId}>
            Also up: <span className="mono">{b.topologyId}</span> ({b.containers.length} containers){' '}
            <button type="button" className="button small" onClick={() => void tearDown(b.topologyId)} data-testid="also-up-tear-down">
              Tear down
            </button>
          </p>
        ))}
    </section>
  );
}
