import { columnOf, type RunSeries } from '../../stores/run-series.js';
import { downsampleIndices } from './downsample.js';

/** What the charts show of a node, in dataset column order after `t` (seconds). */
export const CHART_METRICS = ['throughput_rps', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'error_rate_percent', 'replicas'] as const;

const PANELS = [
  { title: 'Throughput (req/s)', series: [['throughput_rps', 'throughput']] },
  { title: 'Latency (ms)', series: [['latency_p50_ms', 'p50'], ['latency_p95_ms', 'p95'], ['latency_p99_ms', 'p99']] },
  { title: 'Error rate (%)', series: [['error_rate_percent', 'error rate']] },
  { title: 'Replicas', series: [['replicas', 'replicas']] },
] as const;

/**
 * One column-keyed dataset for all panels: `t` in simulated seconds, NaN as null (a gap).
 * With `buckets` (about the chart's width in pixels) a long series is cut down to min/max per
 * bucket; the store keeps every frame.
 */
export function chartDataset(series: RunSeries, node: string, buckets = Infinity): Record<string, (number | null)[]> {
  const cols = CHART_METRICS.map((m) => columnOf(series, node, m));
  const keep = Number.isFinite(buckets) ? downsampleIndices(series.length, cols.filter((c): c is Float64Array => c !== null), buckets) : null;
  const n = keep ? keep.length : series.length;
  const at = (i: number): number => (keep ? keep[i]! : i);
  const t = new Array<number>(n);
  for (let i = 0; i < n; i++) t[i] = series.t[at(i)]! / 1000;
  const out: Record<string, (number | null)[]> = { t };
  CHART_METRICS.forEach((m, k) => {
    const col = cols[k];
    const values = new Array<number | null>(n);
    for (let i = 0; i < n; i++) {
      const v = col ? col[at(i)]! : NaN;
      values[i] = Number.isFinite(v) ? v : null;
    }
    out[m] = values;
  });
  return out;
}

/** The chart's fixed option: four stacked grids on one time axis each, zoomed together. */
export function chartOption(): Record<string, unknown> {
  const top = (i: number): string => `${9 + i * 22.5}%`;
  const xAxisIndex = PANELS.map((_, i) => i);
  return {
    animation: false,
    dataset: { source: { t: [], ...Object.fromEntries(CHART_METRICS.map((m) => [m, []])) } },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: PANELS.map((_, i) => ({ left: 60, right: 20, top: top(i), height: '15%' })),
    xAxis: PANELS.map((_, i) => ({ type: 'value', gridIndex: i, name: i === PANELS.length - 1 ? 's' : '', min: 'dataMin', max: 'dataMax', axisLabel: { show: i === PANELS.length - 1 } })),
    yAxis: PANELS.map((p, i) => ({ type: 'value', gridIndex: i, name: p.title, nameTextStyle: { align: 'left' }, scale: false, splitNumber: 2 })),
    dataZoom: [
      { type: 'inside', xAxisIndex },
      { type: 'slider', xAxisIndex, bottom: 4, height: 16 },
    ],
    series: PANELS.flatMap((p, i) =>
      p.series.map(([metric, name]) => ({
        type: 'line',
        name,
        xAxisIndex: i,
        yAxisIndex: i,
        encode: { x: 't', y: metric },
        showSymbol: false,
        sampling: 'lttb',
        connectNulls: false,
      })),
    ),
  };
}
