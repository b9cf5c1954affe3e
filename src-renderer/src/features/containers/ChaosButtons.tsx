import type { ContainerSummary } from '../../../../src-preload/contract/index.js';
import { useAppStore } from '../../stores/context.js';

/** Chaos on one of a topology's containers, recorded on the timeline like a simulated fault. */
export function ChaosButtons({ container }: { container: ContainerSummary }): React.JSX.Element {
  const chaos = useAppStore((s) => s.chaos);
  const running = container.state === 'running';
  return (
    <span className="chaos-buttons" aria-label={`Chaos on ${container.name}`} title="Chaos: recorded on the topology's timeline like a simulated fault">
      <span className="muted">Chaos</span>
      <button type="button" className="button small danger" disabled={!running} onClick={() => void chaos(container.id, 'kill')} data-testid="chaos-kill">
        Kill
      </button>
      {container.state === 'paused' ? (
        <button type="button" className="button small" onClick={() => void chaos(container.id, 'unpause')} data-testid="chaos-unpause">
          Resume
        </button>
      ) : (
        <button type="button" className="button small" disabled={!running} onClick={() => void chaos(container.id, 'pause')} data-testid="chaos-pause">
          Freeze
        </button>
      )}
      <button type="button" className="button small" onClick={() => void chaos(container.id, 'restart')} data-testid="chaos-restart">
        Bounce
      </button>
    </span>
  );
}
