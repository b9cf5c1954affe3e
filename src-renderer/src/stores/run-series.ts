import type { SeriesFrameDto } from '../../../src-preload/contract/index.js';

/** A run's series as the live view keeps them: one growing Float64Array per node × metric (NaN: no data). */
export interface RunSeries {
  nodes: readonly string[];
  metrics: readonly string[];
  length: number;
  t: Float64Array;
  /** Index: node index · metrics.length + metric index, as the layout orders a frame's values. */
  columns: Float64Array[];
}

export function emptySeries(nodes: readonly string[], metrics: readonly string[], capacity = 256): RunSeries {
  return { nodes, metrics, length: 0, t: new Float64Array(capacity), columns: Array.from({ length: nodes.length * metrics.length }, () => new Float64Array(capacity)) };
}

function grow(a: Float64Array, capacity: number): Float64Array {
  const b = new Float64Array(capacity);
  b.set(a);
  return b;
}

/** Appends frames in place (doubling the arrays when full). */
export function appendFrames(series: RunSeries, frames: readonly SeriesFrameDto[]): void {
  if (frames.length === 0) return;
  const need = series.length + frames.length;
  if (need > series.t.length) {
    const capacity = Math.max(need, series.t.length * 2);
    series.t = grow(series.t, capacity);
    series.columns = series.columns.map((c) => grow(c, capacity));
  }
  for (const frame of frames) {
    const i = series.length++;
    series.t[i] = frame.tMs;
    const n = Math.min(frame.values.length, series.columns.length);
    for (let k = 0; k < n; k++) series.columns[k]![i] = frame.values[k] ?? NaN;
  }
}

/** One node's metric, the recorded part; null when the node or metric is not in the layout. */
export function columnOf(series: RunSeries, node: string, metric: string): Float64Array | null {
  const n = series.nodes.indexOf(node);
  const m = series.metrics.indexOf(metric);
  if (n < 0 || m < 0) return null;
  return series.columns[n * series.metrics.length + m]!.subarray(0, series.length);
}
