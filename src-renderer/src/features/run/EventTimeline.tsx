import { useAppStore } from '../../stores/context.js';
import { formatSeconds } from './RunControls.js';

const SHOWN = 500;

/** The run's event log, newest first; alerts firing and resolving stand out. */
export function EventTimeline(): React.JSX.Element {
  const run = useAppStore((s) => s.run)!;
  const log = run.log;
  const shown = log.slice(Math.max(0, log.length - SHOWN)).reverse();
  return (
    <section className="run-events" aria-labelledby="run-events-title" data-testid="run-events">
      <h2 id="run-events-title">
        Events <span className="muted small">{log.length.toLocaleString('en')}{log.length > SHOWN ? `, the latest ${SHOWN} shown` : ''}{run.droppedEvents > 0 ? `, ${run.droppedEvents} dropped` : ''}</span>
      </h2>
      {shown.length === 0 ? (
        <p className="muted small">No events yet.</p>
      ) : (
        <table className="run-events-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Type</th>
              <th>Target</th>
              <th>Message</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={log.length - i} data-testid="run-event" data-type={e.type} className={e.type === 'alert-firing' ? 'alert-firing' : e.type === 'alert-resolved' ? 'alert-resolved' : undefined}>
                <td className="mono">{formatSeconds(e.tMs)}</td>
                <td>{e.type}</td>
                <td className="mono">{e.target ?? ''}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
