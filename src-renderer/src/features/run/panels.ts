/** One chart panel: a y axis with its unit and the metrics drawn on it. */
export interface Panel {
  id: string;
  title: string;
  /** Shown on the axis and in tooltips; '' for counts. */
  unit: string;
  /** [metric, short name in the legend]. */
  metrics: readonly (readonly [string, string])[];
}

/** What the charts show, top to bottom, of every picked node (and of end to end). */
export const PANELS: readonly Panel[] = [
  { id: 'throughput', title: 'Throughput', unit: 'req/s', metrics: [['throughput_rps', 'throughput']] },
  { id: 'latency', title: 'Latency', unit: 'ms', metrics: [['latency_p50_ms', 'p50'], ['latency_p95_ms', 'p95'], ['latency_p99_ms', 'p99']] },
  { id: 'errors', title: 'Error rate', unit: '%', metrics: [['error_rate_percent', 'error rate']] },
  { id: 'cpu', title: 'CPU', unit: 'cores', metrics: [['cpu_cores', 'CPU']] },
  { id: 'memory', title: 'Memory', unit: 'MiB', metrics: [['memory_mib', 'memory']] },
  { id: 'replicas', title: 'Replicas', unit: '', metrics: [['replicas', 'replicas']] },
  { id: 'queue', title: 'Queue length', unit: 'requests', metrics: [['queue_length', 'queue']] },
  { id: 'cost', title: 'Cost', unit: '$/h', metrics: [['cost_per_hour', 'cost']] },
];

/** Every metric a panel draws. */
export const CHART_METRICS: readonly string[] = PANELS.flatMap((p) => p.metrics.map(([m]) => m));

/** A value with its unit, as tooltips and node counters show it. */
export function formatValue(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  const text = v.toLocaleString('en', { maximumFractionDigits: digits });
  return unit === '' ? text : unit === '%' ? `${text} %` : `${text} ${unit}`;
}
