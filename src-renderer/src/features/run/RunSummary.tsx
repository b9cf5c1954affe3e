interface NodeFigures {
  throughput_rps?: number;
  errors?: number;
  utilization?: number | null;
  latency_ms?: { p99?: number };
}
interface SourceFigures {
  error_rate?: number;
  latency_ms?: { p99?: number };
}

const num = (x: number | undefined | null, digits = 1): string => (x === undefined || x === null || !Number.isFinite(x) ? '—' : x.toLocaleString('en', { maximumFractionDigits: digits }));
const records = <T,>(x: unknown): [string, T][] => (x && typeof x === 'object' ? (Object.entries(x) as [string, T][]) : []);

/** Key figures of a finished run: per node, and end to end per traffic source. */
export function RunSummary({ summary }: { summary: Record<string, unknown> }): React.JSX.Element {
  const nodes = records<NodeFigures>(summary['nodes']);
  const sources = records<SourceFigures>(summary['sources']);
  return (
    <section className="run-summary" aria-labelledby="run-summary-title" data-testid="run-summary">
      <h2 id="run-summary-title">Summary</h2>
      {sources.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>Traffic source</th>
              <th>End-to-end p99 (ms)</th>
              <th>Error rate</th>
            </tr>
          </thead>
          <tbody>
            {sources.map(([id, s]) => (
              <tr key={id} data-testid="summary-source" data-node={id}>
                <td className="mono">{id}</td>
                <td>{num(s.latency_ms?.p99)}</td>
                <td>{num((s.error_rate ?? NaN) * 100, 2)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>Node</th>
            <th>Throughput (req/s)</th>
            <th>p99 (ms)</th>
            <th>Errors</th>
            <th>Utilisation</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map(([id, n]) => (
            <tr key={id} data-testid="summary-node" data-node={id}>
              <td className="mono">{id}</td>
              <td>{num(n.throughput_rps)}</td>
              <td>{num(n.latency_ms?.p99)}</td>
              <td>{num(n.errors, 0)}</td>
              <td>{n.utilization === null || n.utilization === undefined ? '—' : `${num(n.utilization * 100)} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
