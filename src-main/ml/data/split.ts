// Train / validation / test by time: the first points train, the next validate, the last
// test. Never shuffled across time, so a model is judged on a future it has not seen.

export interface SplitFractions {
  train: number;
  validation: number;
  /** The rest: 1 − train − validation. */
}

/** Half-open index ranges [from, to). */
export interface IndexRange {
  from: number;
  to: number;
}

export interface TimeSplit {
  train: IndexRange;
  validation: IndexRange;
  test: IndexRange;
}

export const DEFAULT_SPLIT: SplitFractions = { train: 0.7, validation: 0.15 };

export function splitByTime(n: number, fractions: SplitFractions = DEFAULT_SPLIT): TimeSplit {
  const { train, validation } = fractions;
  if (!(train > 0 && validation >= 0 && train + validation < 1)) {
    throw new RangeError(`split fractions: train (${train}) must be > 0, validation (${validation}) ≥ 0, and together below 1 so something is left to test`);
  }
  const a = Math.floor(n * train);
  const b = Math.floor(n * (train + validation));
  return { train: { from: 0, to: a }, validation: { from: a, to: b }, test: { from: b, to: n } };
}
