import { useAppStore } from '../../stores/context.js';
import { keyFigures } from './compare.js';

/** The shown run (A) and the compared one (B, dashed on the charts): key figures side by side. */
export function CompareFigures(): React.JSX.Element | null {
  const run = useAppStore((s) => s.run);
  const compare = useAppStore((s) => s.compare);
  const runs = useAppStore((s) => s.runs);
  const close = useAppStore((s) => s.closeCompare);
  if (!run || !compare) return null;
  const a = runs?.find((r) => r.id === run.id);
  const rows = keyFigures({ seed: a?.seed ?? null, summary: run.summary }, { seed: compare.info.seed, summary: compare.info.summary });
  return (
    <section className="run-compare" aria-labelledby="run-compare-title" data-testid="run-compare">
      <div className="run-charts-header">
        <h2 id="run-compare-title">Comparing two runs</h2>
        <button type="button" data-testid="run-compare-close" onClick={close}>
          Stop comparing
        </button>
      </div>
      <table className="run-events-table">
        <thead>
          <tr>
            <th />
            <th data-testid="run-compare-a">A: {a?.name ?? run.id} <span className="muted mono small">{run.id}</span></th>
            <th data-testid="run-compare-b">B (dashed): {compare.info.name} <span className="muted mono small">{compare.info.id}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} data-testid="run-compare-row">
              <td>{r.label}</td>
              <td className="mono">{r.a}</td>
              <td className="mono">{r.b}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
