import { useEffect, useState } from 'react';
import { useAppStore } from '../../stores/context.js';
import { isFinal } from '../../stores/run-slice.js';
import { formatSeconds } from './RunControls.js';

const figure = (summary: Record<string, unknown> | null): string => {
  const sources = summary?.['sources'];
  if (!sources || typeof sources !== 'object') return '—';
  const first = Object.values(sources as Record<string, { latency_ms?: { p99?: number }; error_rate?: number }>)[0];
  if (!first) return '—';
  const p99 = first.latency_ms?.p99;
  const err = first.error_rate;
  return `p99 ${p99 === undefined ? '—' : `${p99.toFixed(1)} ms`}, errors ${err === undefined ? '—' : `${(err * 100).toFixed(2)} %`}`;
};

/** The runs stored in SQLite: open one into the view, or delete it. */
export function RunsList(): React.JSX.Element {
  const runs = useAppStore((s) => s.runs);
  const error = useAppStore((s) => s.runsError);
  const current = useAppStore((s) => s.run);
  const busy = useAppStore((s) => s.runBusy);
  const loadRuns = useAppStore((s) => s.loadRuns);
  const openRun = useAppStore((s) => s.openRun);
  const deleteRun = useAppStore((s) => s.deleteRun);
  const compare = useAppStore((s) => s.compare);
  const compareBusy = useAppStore((s) => s.compareBusy);
  const compareError = useAppStore((s) => s.compareError);
  const openCompare = useAppStore((s) => s.openCompare);
  const [confirming, setConfirming] = useState<string | null>(null);
  const going = current !== null && !isFinal(current.state);

  useEffect(() => {
    void loadRuns();
  }, [loadRuns]);

  return (
    <section className="run-list" aria-labelledby="run-list-title" data-testid="run-list">
      <h2 id="run-list-title">Runs</h2>
      {error ? (
        <p className="field-error" role="alert" data-testid="run-list-error">
          {error}
        </p>
      ) : null}
      {compareError ? (
        <p className="field-error" role="alert" data-testid="run-compare-error">
          {compareError}
        </p>
      ) : null}
      {runs === null ? (
        <p className="muted small">Loading…</p>
      ) : runs.length === 0 ? (
        <p className="muted small" data-testid="run-list-empty">
          No runs yet.
        </p>
      ) : (
        <table className="run-list-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Started</th>
              <th>Seed</th>
              <th>Duration</th>
              <th>State</th>
              <th>Key figures</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} data-testid="run-list-row" data-run={r.id} data-state={r.state} className={current?.id === r.id ? 'current' : undefined}>
                <td>{r.name}</td>
                <td className="mono">{new Date(r.createdAt).toLocaleString('en')}</td>
                <td className="mono">{r.seed}</td>
                <td>{formatSeconds(r.parameters.durationS * 1000)}</td>
                <td>{r.state}</td>
                <td className="small">{figure(r.summary)}</td>
                <td className="run-list-actions">
                  <button type="button" data-testid="run-list-open" disabled={going || busy !== null} onClick={() => void openRun(r.id)}>
                    Open
                  </button>
                  <button
                    type="button"
                    data-testid="run-list-compare"
                    title="Draw this run dashed beside the shown one"
                    aria-pressed={compare?.info.id === r.id}
                    disabled={current === null || current.id === r.id || !isFinal(r.state) || compareBusy}
                    onClick={() => void openCompare(r.id)}
                  >
                    {compare?.info.id === r.id ? 'Compared' : 'Compare'}
                  </button>
                  {confirming === r.id ? (
                    <>
                      <button type="button" className="danger" data-testid="run-list-confirm-delete" onClick={() => void deleteRun(r.id).then(() => setConfirming(null))}>
                        Delete this run
                      </button>
                      <button type="button" data-testid="run-list-cancel-delete" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <button type="button" data-testid="run-list-delete" disabled={!isFinal(r.state) || current?.id === r.id && going} onClick={() => setConfirming(r.id)}>
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
