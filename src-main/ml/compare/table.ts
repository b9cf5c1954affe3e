// The comparison as a table a person reads: one row per policy, each figure as its mean and
// its 95 % interval over the seeds.
import type { MeanInterval } from './interval.js';
import type { Figure, PolicyReport } from './report.js';

const COLUMNS: readonly { figure: Figure; title: string; digits: number }[] = [
  { figure: 'sloViolationMinutes', title: 'SLO-violation min', digits: 1 },
  { figure: 'p99LatencyMs', title: 'p99 ms', digits: 0 },
  { figure: 'cost', title: 'cost $', digits: 3 },
  { figure: 'replicaSeconds', title: 'replica-h', digits: 2 },
  { figure: 'scalingActions', title: 'scaling actions', digits: 1 },
];

function cell(m: MeanInterval, digits: number, scale: number): string {
  const f = (x: number) => (x * scale).toFixed(digits);
  return m.ci95 === null ? f(m.mean) : `${f(m.mean)} [${f(m.ci95[0])}, ${f(m.ci95[1])}]`;
}

export function comparisonTable(policies: readonly PolicyReport[]): string {
  const header = ['policy', ...COLUMNS.map((c) => c.title)];
  const rows = policies.map((p) => [p.policy, ...COLUMNS.map((c) => cell(p.figures[c.figure], c.digits, c.figure === 'replicaSeconds' ? 1 / 3600 : 1))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), `mean [95 % interval] over ${policies[0]?.runs.length ?? 0} seed(s)`].join('\n') + '\n';
}
