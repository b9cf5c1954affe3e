import { columnOf, type RunSeries } from '../../stores/run-series.js';

/** The node picker's entry for the whole system, as the traffic sources see it. */
export const END_TO_END = '(end to end)';

const RATES = new Set(['arrivals_rps', 'throughput_rps', 'errors_rps', 'rejected_rps']);
const PERCENTILES = new Set(['latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms']);

/**
 * The traffic sources of a run: by the document's kinds where it knows the node; otherwise a
 * node with requests but never a CPU figure (the kernel gives sources no resources).
 */
export function sourceNodes(series: RunSeries, kinds: Readonly<Record<string, string>>): string[] {
  return series.nodes.filter((n) => {
    if (kinds[n] !== undefined) return kinds[n] === 'traffic-source';
    const cpu = columnOf(series, n, 'cpu_cores');
    const sent = columnOf(series, n, 'arrivals_rps');
    return cpu !== null && sent !== null && cpu.every((v) => Number.isNaN(v)) && sent.some((v) => Number.isFinite(v));
  });
}

/** Sum of the finite values at i; NaN when none is. */
function sumAt(cols: readonly Float64Array[], i: number): number {
  let sum = 0;
  let any = false;
  for (const c of cols) {
    const v = c[i]!;
    if (Number.isFinite(v)) {
      sum += v;
      any = true;
    }
  }
  return any ? sum : NaN;
}

function columns(series: RunSeries, nodes: readonly string[], metric: string): Float64Array[] {
  return nodes.map((n) => columnOf(series, n, metric)).filter((c): c is Float64Array => c !== null);
}

/**
 * A metric end to end: rates summed over the traffic sources; error rate from their summed
 * errors and rejections; latency percentiles as the throughput-weighted mean of the sources'
 * (exact with one source); resources and cost summed over every other node.
 */
export function endToEndColumn(series: RunSeries, metric: string, sources: readonly string[]): Float64Array {
  const n = series.length;
  const out = new Float64Array(n);
  const others = series.nodes.filter((x) => !sources.includes(x));
  if (RATES.has(metric)) {
    const cols = columns(series, sources, metric);
    for (let i = 0; i < n; i++) out[i] = sumAt(cols, i);
  } else if (metric === 'error_rate_percent') {
    const ok = columns(series, sources, 'throughput_rps');
    const bad = [...columns(series, sources, 'errors_rps'), ...columns(series, sources, 'rejected_rps')];
    const every = [...ok, ...bad];
    for (let i = 0; i < n; i++) {
      const failed = sumAt(bad, i);
      const all = sumAt(every, i);
      out[i] = all > 0 ? ((Number.isFinite(failed) ? failed : 0) / all) * 100 : NaN;
    }
  } else if (PERCENTILES.has(metric)) {
    const lat = sources.map((s) => columnOf(series, s, metric));
    const weight = sources.map((s) => columnOf(series, s, 'throughput_rps'));
    for (let i = 0; i < n; i++) {
      let sum = 0;
      let w = 0;
      lat.forEach((c, k) => {
        const v = c?.[i] ?? NaN;
        const wk = weight[k]?.[i] ?? NaN;
        if (Number.isFinite(v) && Number.isFinite(wk) && wk > 0) {
          sum += v * wk;
          w += wk;
        }
      });
      out[i] = w > 0 ? sum / w : NaN;
    }
  } else {
    const cols = columns(series, others, metric);
    for (let i = 0; i < n; i++) out[i] = sumAt(cols, i);
  }
  return out;
}

/** A node's metric (END_TO_END: the system's); null when the run did not record it. */
export function metricColumn(series: RunSeries, node: string, metric: string, sources: readonly string[]): Float64Array | null {
  if (node === END_TO_END) return series.metrics.includes(metric) ? endToEndColumn(series, metric, sources) : null;
  return columnOf(series, node, metric);
}

/** One line on the charts. */
export interface ChartLine {
  /** Unique per chart: node and metric (and run, when comparing). */
  key: string;
  node: string;
  metric: string;
  panel: number;
  /** Legend name: the node, and the metric where a panel has several. */
  name: string;
  column: Float64Array;
}

/** The lines of the picked nodes, panel by panel; a node or metric the run lacks draws nothing. */
export function chartLines(series: RunSeries, picked: readonly string[], sources: readonly string[], panels: readonly { metrics: readonly (readonly [string, string])[] }[]): ChartLine[] {
  const out: ChartLine[] = [];
  panels.forEach((panel, p) => {
    for (const node of picked) {
      if (node !== END_TO_END && !series.nodes.includes(node)) continue;
      for (const [metric, short] of panel.metrics) {
        const column = metricColumn(series, node, metric, sources);
        if (!column) continue;
        const label = node === END_TO_END ? 'end to end' : node;
        out.push({ key: `${node}|${metric}`, node, metric, panel: p, name: panel.metrics.length > 1 ? `${label} ${short}` : label, column });
      }
    }
  });
  return out;
}

/** The nodes the charts show first: end to end and the first app service (else the first node). */
export function defaultPicked(nodes: readonly string[], kinds: Readonly<Record<string, string>>): string[] {
  const first = nodes.find((n) => kinds[n] === 'app-service') ?? nodes.find((n) => kinds[n] !== 'traffic-source') ?? nodes[0];
  return first === undefined ? [END_TO_END] : [END_TO_END, first];
}
