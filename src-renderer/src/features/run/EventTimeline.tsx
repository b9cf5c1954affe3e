import { useMemo } from 'react';
import { useAppStore } from '../../stores/context.js';
import { eventsNear } from './near-events.js';
import { formatSeconds } from './RunControls.js';

const SHOWN = 500;

/** The run's event log, newest first; clicking an event moves the charts' cursor there, hovering the charts highlights the nearest. */
export function EventTimeline(): React.JSX.Element {
  const run = useAppStore((s) => s.run)!;
  const cursorMs = useAppStore((s) => s.runCursorMs);
  const hoverMs = useAppStore((s) => s.runHoverMs);
  const setCursor = useAppStore((s) => s.setRunCursor);
  const log = run.log;
  const first = Math.max(0, log.length - SHOWN);
  const shown = log.slice(first).reverse();
  // The pointer snaps to a frame: half an interval either side holds the events of that frame.
  const interval = run.series.length > 1 ? run.series.t[1]! - run.series.t[0]! : 15_000;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the log grows in place; version says when
  const near = useMemo(() => eventsNear(shown.map((e) => e.tMs), hoverMs, interval / 2), [hoverMs, run.version, interval, log.length]);
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
              <tr
                key={log.length - i}
                data-testid="run-event"
                data-type={e.type}
                data-t={e.tMs}
                data-near={near.has(i) ? 'true' : undefined}
                className={['clickable', e.type === 'alert-firing' ? 'alert-firing' : e.type === 'alert-resolved' ? 'alert-resolved' : '', near.has(i) ? 'near' : '', cursorMs === e.tMs ? 'at-cursor' : ''].filter(Boolean).join(' ')}
                onClick={() => setCursor(e.tMs)}
              >
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
