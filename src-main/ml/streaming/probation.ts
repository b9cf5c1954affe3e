// The probationary period (as in the Numenta Anomaly Benchmark): the first fraction of rows is
// where a detector learns what normal looks like; it flags nothing there.

export const DEFAULT_PROBATION = 0.15;

/** Rows in the probationary period of `rows` rows: ceil(fraction · rows), at least 1. */
export function probationRows(rows: number, fraction = DEFAULT_PROBATION): number {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`the probationary fraction must be between 0 and 1 (exclusive), not ${fraction}`);
  return Math.max(1, Math.ceil(fraction * rows));
}
