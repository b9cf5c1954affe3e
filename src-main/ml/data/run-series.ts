// Series picked from a run's frames (contract runs.ts): value index = node · metrics.length +
// metric, null or NaN = no data. Gaps are forward filled and counted; a series that is mostly
// empty is refused, because filling it would invent most of what a model learns from.

/** The part of a run's series layout this needs (the contract's seriesLayoutSchema and the kernel's SeriesLayout both fit). */
export interface RunSeriesLayout {
  intervalMs: number;
  nodes: readonly string[];
  metrics: readonly string[];
}

/** A frame as the contract carries it (null) or the kernel records it (NaN). */
export interface RunSeriesFrame {
  tMs: number;
  values: ArrayLike<number | null>;
}

export interface PickedSeries {
  /** "node/metric" as asked for. */
  names: string[];
  timesMs: Float64Array;
  /** One array per name, aligned with timesMs, gaps filled. */
  values: Float64Array[];
  /** Points filled per series (forward fill; leading gaps take the first value seen). */
  filled: number[];
  stepMs: number;
}

export interface PickOptions {
  /** Refuse a series with more than this fraction of its points missing (default 0.5). */
  maxMissingFraction?: number;
}

/** Index of "node/metric" in a frame's values; throws naming what exists when it does not. */
export function seriesIndex(layout: RunSeriesLayout, name: string): number {
  const slash = name.lastIndexOf('/');
  if (slash <= 0 || slash === name.length - 1) throw new Error(`"${name}": name a series as node/metric, e.g. api/latency_p95_ms`);
  const node = layout.nodes.indexOf(name.slice(0, slash));
  if (node < 0) throw new Error(`"${name}": the run has no node "${name.slice(0, slash)}" (nodes: ${layout.nodes.join(', ')})`);
  const metric = layout.metrics.indexOf(name.slice(slash + 1));
  if (metric < 0) throw new Error(`"${name}": the run records no metric "${name.slice(slash + 1)}" (metrics: ${layout.metrics.join(', ')})`);
  return node * layout.metrics.length + metric;
}

/** Picks series by name from frames in time order, aligned on the frames' timestamps. */
export function pickRunSeries(layout: RunSeriesLayout, frames: readonly RunSeriesFrame[], names: readonly string[], options: PickOptions = {}): PickedSeries {
  if (names.length === 0) throw new Error('pick at least one series (node/metric)');
  if (frames.length === 0) throw new Error('the run has no series frames yet');
  const maxMissing = options.maxMissingFraction ?? 0.5;
  const indices = names.map((n) => seriesIndex(layout, n));
  const timesMs = Float64Array.from(frames, (f) => f.tMs);
  for (let i = 1; i < timesMs.length; i++) {
    if (!(timesMs[i]! > timesMs[i - 1]!)) throw new Error(`frames are out of time order at index ${i} (${timesMs[i - 1]} ms then ${timesMs[i]} ms)`);
  }
  const filled: number[] = [];
  const values = indices.map((k, s) => {
    const out = new Float64Array(frames.length);
    let missing = 0;
    let last = NaN;
    for (let i = 0; i < frames.length; i++) {
      const v = frames[i]!.values[k];
      if (v === null || v === undefined || Number.isNaN(v)) {
        missing++;
        out[i] = last;
      } else out[i] = last = v;
    }
    if (missing > maxMissing * frames.length || Number.isNaN(last)) {
      const pct = Math.round((100 * missing) / frames.length);
      throw new Error(`${names[s]!} has no data in ${missing} of ${frames.length} frames (${pct} %, at most ${Math.round(maxMissing * 100)} % may be filled); pick another series or a longer run`);
    }
    // Leading gaps: nothing to carry forward yet, so they take the first value seen.
    const first = out.findIndex((v) => !Number.isNaN(v));
    out.fill(out[first]!, 0, first);
    filled.push(missing);
    return out;
  });
  return { names: [...names], timesMs, values, filled, stepMs: layout.intervalMs };
}
