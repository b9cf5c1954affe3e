import type { RunSeries } from '../../stores/run-series.js';
import { anomalyMarkArea, type AnomalySpan } from './anomaly-marks.js';
import { downsampleIndices } from './downsample.js';
import { formatValue, PANELS } from './panels.js';
import { formatSeconds } from './RunControls.js';
import type { ChartLine } from './series-select.js';

export type DatasetSource = Record<string, (number | null)[]>;

/** One run on the charts: 'a' is the shown run, 'b' the one compared with it (dashed). */
export interface ChartRun {
  id: 'a' | 'b';
  series: RunSeries;
  lines: ChartLine[];
}

/**
 * One column-keyed dataset per panel: `t` in simulated seconds (so two runs line up on the
 * same axis), a column per line, NaN as null (a gap). With `buckets` (about the chart's width
 * in pixels) a long series is cut down to min/max per bucket over the panel's own lines; the
 * store keeps every frame.
 */
export function panelDatasets(run: ChartRun, buckets = Infinity): DatasetSource[] {
  return PANELS.map((_, p) => {
    const lines = run.lines.filter((l) => l.panel === p);
    const length = run.series.length;
    const keep = Number.isFinite(buckets) ? downsampleIndices(length, lines.map((l) => l.column), buckets) : null;
    const n = keep ? keep.length : length;
    const at = (i: number): number => (keep ? keep[i]! : i);
    const t = new Array<number>(n);
    for (let i = 0; i < n; i++) t[i] = run.series.t[at(i)]! / 1000;
    const out: DatasetSource = { t };
    for (const line of lines) {
      const values = new Array<number | null>(n);
      for (let i = 0; i < n; i++) {
        const v = line.column[at(i)]!;
        values[i] = Number.isFinite(v) ? v : null;
      }
      out[line.key] = values;
    }
    return out;
  });
}

const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];

/** A stable colour per node and metric, the same for both runs of a comparison. */
function colourOf(key: string, keys: string[]): string {
  const i = keys.indexOf(key);
  return PALETTE[(i < 0 ? 0 : i) % PALETTE.length]!;
}

/** Id of an echarts series: the run and the line key. */
export const seriesId = (run: 'a' | 'b', key: string): string => `${run}:${key}`;

/**
 * The whole chart: a grid per panel on one time axis each, zoomed together; a line per picked
 * node and metric per run, the shown run's lines shaded where their anomalies fired (by line
 * key, anomaly-marks.ts). Datasets come empty; panelDatasets fills them.
 */
export function chartOption(runs: readonly ChartRun[], cursorS: number | null = null, anomalies: Readonly<Record<string, AnomalySpan[]>> = {}): Record<string, unknown> {
  const panelHeight = 100 / PANELS.length;
  // The first grid starts below the legend and its axis name; the slider sits under the last.
  const top = (i: number): string => `${6.5 + i * panelHeight * 0.9}%`;
  const xAxisIndex = PANELS.map((_, i) => i);
  const keys = [...new Set(runs.flatMap((r) => r.lines.map((l) => l.key)))];
  const series = runs.flatMap((run) =>
    run.lines.map((line) => {
      const panel = PANELS[line.panel]!;
      const id = seriesId(run.id, line.key);
      return {
        id,
        type: 'line',
        name: run.id === 'b' ? `${line.name} (B)` : line.name,
        datasetIndex: (run.id === 'a' ? 0 : PANELS.length) + line.panel,
        xAxisIndex: line.panel,
        yAxisIndex: line.panel,
        encode: { x: 't', y: line.key },
        showSymbol: false,
        sampling: 'lttb',
        connectNulls: false,
        color: colourOf(line.key, keys),
        lineStyle: run.id === 'b' ? { type: 'dashed', width: 1.5 } : { width: 1.5 },
        tooltip: { valueFormatter: (v: unknown) => formatValue(typeof v === 'number' ? v : null, panel.unit) },
        ...(run.id === 'a' ? { markLine: cursorMark(cursorS), markArea: anomalyMarkArea(anomalies[line.key]) } : {}),
      };
    }),
  );
  // Each dataset names every column its lines read, so echarts knows the dimensions before data comes.
  const empty = (run: 'a' | 'b', p: number): { source: DatasetSource } => ({
    source: Object.fromEntries([['t', []], ...(runs.find((r) => r.id === run)?.lines.filter((l) => l.panel === p).map((l) => [l.key, []]) ?? [])]) as DatasetSource,
  });
  return {
    animation: false,
    dataset: [...PANELS.map((_, p) => empty('a', p)), ...PANELS.map((_, p) => empty('b', p))],
    // Drawn on the canvas: the CSP (no inline styles) would strip the HTML tooltip's markers and layout.
    tooltip: { trigger: 'axis', axisPointer: { type: 'line' }, confine: true, renderMode: 'richText' },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    legend: { top: 0, type: 'scroll' },
    grid: PANELS.map((_, i) => ({ left: 70, right: 24, top: top(i), height: `${panelHeight * 0.6}%` })),
    xAxis: PANELS.map((_, i) => ({
      type: 'value',
      gridIndex: i,
      min: 'dataMin',
      max: 'dataMax',
      // The unit goes on the labels: an axis name would shrink the last grid (echarts 6 keeps names inside the bounds).
      axisLabel: { show: i === PANELS.length - 1, formatter: (v: number) => `${v.toLocaleString('en')} s` },
      // The tooltip's title: the moment as the timeline writes it ("1h 02m 15s").
      axisPointer: { label: { formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatSeconds(p.value * 1000) : String(p.value)) } },
    })),
    yAxis: PANELS.map((p, i) => ({ type: 'value', gridIndex: i, name: p.unit === '' ? p.title : `${p.title} (${p.unit})`, nameTextStyle: { align: 'left' }, scale: false, splitNumber: 2 })),
    dataZoom: [
      { type: 'inside', xAxisIndex, filterMode: 'none' },
      { type: 'slider', xAxisIndex, bottom: 4, height: 16, filterMode: 'none' },
    ],
    series,
  };
}

/** The time cursor: a vertical line at `cursorS` on each panel (none when null). */
export function cursorMark(cursorS: number | null): Record<string, unknown> {
  return { silent: true, symbol: 'none', animation: false, lineStyle: { color: '#d14', width: 1.5, type: 'solid' }, label: { show: false }, data: cursorS === null ? [] : [{ xAxis: cursorS }] };
}

/** The zoom window around a moment: ± 5 % of the run (at least a minute), inside the run. */
export function zoomAround(cursorS: number, endS: number): { startValue: number; endValue: number } {
  const half = Math.max(60, endS * 0.05);
  return { startValue: Math.max(0, cursorS - half), endValue: Math.min(Math.max(endS, cursorS), cursorS + half) };
}
