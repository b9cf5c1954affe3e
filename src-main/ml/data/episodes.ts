// What labels.ts hands over: per-point labels and the episodes behind them, so detectors can
// be judged point-wise and event-wise (metrics/event-wise.ts).

/** A span of simulated time something abnormal was going on, and why. */
export interface LabelSpan {
  startMs: number;
  /** Inclusive of the recovery tail, if one was asked for. */
  endMs: number;
  /** E.g. "db-primary-failure on db" or "alert HighLatency on api". */
  cause: string;
}

/** A run of consecutive labelled points: overlapping spans merge into one episode. */
export interface Episode {
  /** First and last labelled point (indices into the series, inclusive). */
  start: number;
  end: number;
  startMs: number;
  endMs: number;
  causes: string[];
}

/** The episodes of a 0/1 label array: each maximal run of 1s. */
export function episodesOf(labels: ArrayLike<number>, timesMs: ArrayLike<number>, causesOf: (start: number, end: number) => string[] = () => []): Episode[] {
  const out: Episode[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1 || (i > 0 && labels[i - 1] === 1)) continue;
    let j = i;
    while (j + 1 < labels.length && labels[j + 1] === 1) j++;
    out.push({ start: i, end: j, startMs: timesMs[i]!, endMs: timesMs[j]!, causes: causesOf(i, j) });
  }
  return out;
}
