/** A run's figure for the side-by-side table. */
export interface FigureRow {
  label: string;
  a: string;
  b: string;
}

interface Source {
  throughput_rps?: number;
  error_rate?: number;
  latency_ms?: { p50?: number; p95?: number; p99?: number };
}
interface Totals {
  cost?: number;
  events?: number;
  alerts_fired?: number;
  simulated_seconds?: number;
  wall_seconds?: number;
}
export interface FigureSource {
  seed: number | null;
  summary: Record<string, unknown> | null;
}

const fmt = (x: number | undefined, digits: number, unit = ''): string => (x === undefined || !Number.isFinite(x) ? '—' : `${x.toLocaleString('en', { maximumFractionDigits: digits })}${unit}`);

/** End-to-end figures of a summary: summed over sources, latency weighted by throughput. */
function endToEnd(summary: Record<string, unknown> | null): { rps?: number; errors?: number; p50?: number; p95?: number; p99?: number } {
  const sources = Object.values((summary?.['sources'] ?? {}) as Record<string, Source>);
  if (sources.length === 0) return {};
  const rps = sources.reduce((a, s) => a + (s.throughput_rps ?? 0), 0);
  const weight = (s: Source): number => (rps > 0 ? (s.throughput_rps ?? 0) / rps : 1 / sources.length);
  const mean = (f: (s: Source) => number | undefined): number => sources.reduce((a, s) => a + (f(s) ?? NaN) * weight(s), 0);
  return { rps, errors: mean((s) => s.error_rate) * 100, p50: mean((s) => s.latency_ms?.p50), p95: mean((s) => s.latency_ms?.p95), p99: mean((s) => s.latency_ms?.p99) };
}

/** Chaos experiments by verdict ("1 tolerated, 1 recovered") and the SLO-broken seconds during them; '—' without faults. */
function experiments(summary: Record<string, unknown> | null): { verdicts: string; broken: string } {
  const list = Array.isArray(summary?.['experiments']) ? (summary['experiments'] as { verdict?: string; violating_seconds?: number }[]) : [];
  if (list.length === 0) return { verdicts: '—', broken: '—' };
  const order = ['tolerated', 'recovered', 'not-recovered', 'inconclusive'];
  const verdicts = order
    .map((v) => [v, list.filter((e) => e.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v.replace('-', ' ')}`)
    .join(', ');
  return { verdicts, broken: fmt(list.reduce((sum, e) => sum + (e.violating_seconds ?? 0), 0), 0, ' s') };
}

/** The key figures of two runs side by side. */
export function keyFigures(a: FigureSource, b: FigureSource): FigureRow[] {
  const ea = endToEnd(a.summary);
  const eb = endToEnd(b.summary);
  const ta = (a.summary?.['totals'] ?? {}) as Totals;
  const tb = (b.summary?.['totals'] ?? {}) as Totals;
  const row = (label: string, x: string, y: string): FigureRow => ({ label, a: x, b: y });
  const xa = experiments(a.summary);
  const xb = experiments(b.summary);
  return [
    row('Seed', a.seed === null ? '—' : String(a.seed), b.seed === null ? '—' : String(b.seed)),
    row('Simulated', fmt(ta.simulated_seconds, 0, ' s'), fmt(tb.simulated_seconds, 0, ' s')),
    row('Throughput end to end', fmt(ea.rps, 1, ' req/s'), fmt(eb.rps, 1, ' req/s')),
    row('Latency p50', fmt(ea.p50, 1, ' ms'), fmt(eb.p50, 1, ' ms')),
    row('Latency p95', fmt(ea.p95, 1, ' ms'), fmt(eb.p95, 1, ' ms')),
    row('Latency p99', fmt(ea.p99, 1, ' ms'), fmt(eb.p99, 1, ' ms')),
    row('Error rate', fmt(ea.errors, 2, ' %'), fmt(eb.errors, 2, ' %')),
    row('Cost', fmt(ta.cost, 2, ' $'), fmt(tb.cost, 2, ' $')),
    row('Alerts fired', fmt(ta.alerts_fired, 0), fmt(tb.alerts_fired, 0)),
    row('Chaos experiments', xa.verdicts, xb.verdicts),
    row('SLO broken during faults', xa.broken, xb.broken),
    row('Events', fmt(ta.events, 0), fmt(tb.events, 0)),
  ];
}
