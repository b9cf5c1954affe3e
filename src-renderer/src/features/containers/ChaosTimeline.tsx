import { useAppStore } from '../../stores/context.js';

/** Chaos done to the topology's real containers, in the run timeline's words. */
export function ChaosTimeline({ topologyId }: { topologyId: string }): React.JSX.Element | null {
  const events = useAppStore((s) => s.chaosEvents);
  const mine = events.filter((e) => e.topologyId === topologyId);
  if (mine.length === 0) return null;
  return (
    <ol className="chaos-timeline" aria-label="Chaos timeline" data-testid="chaos-timeline">
      {mine.map((e) => (
        <li key={`${e.at}-${e.container}-${e.type}`} className={`severity-${e.severity}`} data-testid="chaos-event">
          <span className="mono">{(e.tMs / 1000).toFixed(1)} s</span> {e.type} {e.target}: {e.message}
        </li>
      ))}
    </ol>
  );
}
