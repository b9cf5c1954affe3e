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

/** A chaos experiment: one fault and its steady-state checks (the kernel's ExperimentSummary). */
interface ExperimentFigures {
  fault?: string;
  target?: string;
  injected?: boolean;
  start_s?: number;
  before?: string;
  verdict?: string;
  recovered_after_s?: number | null;
  violating_seconds?: number;
  worst_p99_ms?: number | null;
  first_alert_after_s?: number | null;
  first_alert?: string | null;
}

const VERDICTS: Record<string, string> = { tolerated: 'tolerated', recovered: 'recovered', 'not-recovered': 'not recovered', inconclusive: 'inconclusive' };
const BASELINES: Record<string, string> = { held: 'held', broken: 'SLO broken', 'no-baseline': 'too early' };

const num = (x: number | undefined | null, digits = 1): string => (x === undefined || x === null || !Number.isFinite(x) ? '—' : x.toLocaleString('en', { maximumFractionDigits: digits }));
const records = <T,>(x: unknown): [string, T][] => (x && typeof x === 'object' ? (Object.entries(x) as [string, T][]) : []);

/** Key figures of a finished run: per node, and end to end per traffic source. */
export function RunSummary({ summary }: { summary: Record<string, unknown> }): React.JSX.Element {
  const nodes = records<NodeFigures>(summary['nodes']);
  const sources = records<SourceFigures>(summary['sources']);
  const experiments = Array.isArray(summary['experiments']) ? (summary['experiments'] as ExperimentFigures[]) : [];
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
      {experiments.length > 0 ? <ExperimentsTable experiments={experiments} /> : null}
    </section>
  );
}

/** Each fault as a chaos experiment: did the steady state hold before, and how did it come back? */
function ExperimentsTable({ experiments }: { experiments: ExperimentFigures[] }): React.JSX.Element {
  return (
    <table aria-label="Chaos experiments">
      <thead>
        <tr>
          <th>Fault</th>
          <th>At (s)</th>
          <th>Steady state before</th>
          <th>Verdict</th>
          <th>Back after (s)</th>
          <th>SLO broken (s)</th>
          <th>Worst p99 (ms)</th>
          <th>First alert</th>
        </tr>
      </thead>
      <tbody>
        {experiments.map((e, k) => (
          <tr key={k} data-testid="summary-experiment" data-verdict={e.verdict}>
            <td className="mono">
              {e.fault} on {e.target}
              {e.injected ? ' (injected)' : ''}
            </td>
            <td>{num(e.start_s)}</td>
            <td>{BASELINES[e.before ?? ''] ?? e.before}</td>
            <td className={`verdict verdict-${e.verdict ?? ''}`}>{VERDICTS[e.verdict ?? ''] ?? e.verdict}</td>
            <td>{num(e.recovered_after_s)}</td>
            <td>{num(e.violating_seconds)}</td>
            <td>{num(e.worst_p99_ms)}</td>
            <td data-testid="experiment-alert">{e.first_alert ? `${e.first_alert} after ${num(e.first_alert_after_s)} s` : 'none'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
