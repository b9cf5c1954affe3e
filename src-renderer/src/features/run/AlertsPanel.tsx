import { useMemo } from 'react';
import { useAppStore } from '../../stores/context.js';
import { alertEntries } from './alerts.js';
import { formatSeconds } from './RunControls.js';

/** Alerts fired and resolved in the run; clicking one puts the charts' cursor at its firing. */
export function AlertsPanel(): React.JSX.Element {
  const run = useAppStore((s) => s.run)!;
  const cursorMs = useAppStore((s) => s.runCursorMs);
  const setCursor = useAppStore((s) => s.setRunCursor);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the log grows in place; version says when
  const alerts = useMemo(() => alertEntries(run.log, run.simulatedMs), [run.log, run.version, run.simulatedMs]);
  const firing = alerts.filter((a) => a.resolvedMs === null).length;
  return (
    <section className="run-alerts" aria-labelledby="run-alerts-title" data-testid="run-alerts">
      <h2 id="run-alerts-title">
        Alerts <span className="muted small">{alerts.length === 0 ? 'none' : `${alerts.length} fired, ${firing} firing now`}</span>
      </h2>
      {alerts.length === 0 ? null : (
        <table className="run-events-table">
          <thead>
            <tr>
              <th>Fired</th>
              <th>Severity</th>
              <th>Rule</th>
              <th>Node</th>
              <th>Resolved</th>
              <th>Duration</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr
                key={`${a.rule}|${a.node}|${a.firedMs}`}
                data-testid="run-alert"
                data-state={a.resolvedMs === null ? 'firing' : 'resolved'}
                data-severity={a.severity}
                className={`clickable ${a.resolvedMs === null ? 'alert-firing' : 'alert-resolved'}${cursorMs === a.firedMs ? ' at-cursor' : ''}`}
                title={a.message}
                onClick={() => setCursor(a.firedMs)}
              >
                <td className="mono">{formatSeconds(a.firedMs)}</td>
                <td>{a.severity}</td>
                <td>{a.rule}</td>
                <td className="mono">{a.node}</td>
                <td className="mono">{a.resolvedMs === null ? 'firing' : formatSeconds(a.resolvedMs)}</td>
                <td className="mono">{formatSeconds(a.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
