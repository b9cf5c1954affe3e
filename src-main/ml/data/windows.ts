// Sliding windows for sequence models: each sample reads `window` consecutive points and its
// target is the value `horizon` steps after the window's last point (horizon 0: the last
// point itself, for detectors that score the present).

export interface Windows {
  /** count × window values, row-major. */
  inputs: Float32Array;
  /** count targets. */
  targets: Float32Array;
  /** Index (into the series) of each window's last point. */
  ends: Int32Array;
  count: number;
  window: number;
  horizon: number;
}

/** Points a range needs to give at least one window. */
export const pointsNeeded = (window: number, horizon: number): number => window + horizon;

/** Windows whose inputs and target all lie in [from, to) of `values`. */
export function slidingWindows(values: ArrayLike<number>, window: number, horizon: number, from = 0, to = values.length, name = 'the series'): Windows {
  if (!(Number.isInteger(window) && window >= 1)) throw new RangeError(`window must be a whole number ≥ 1, not ${window}`);
  if (!(Number.isInteger(horizon) && horizon >= 0)) throw new RangeError(`horizon must be a whole number ≥ 0, not ${horizon}`);
  const present = to - from;
  const need = pointsNeeded(window, horizon);
  if (present < need) {
    throw new RangeError(`${name} is too short: a window of ${window} and a horizon of ${horizon} need at least ${need} points, and ${present} are present`);
  }
  const count = present - need + 1;
  const inputs = new Float32Array(count * window);
  const targets = new Float32Array(count);
  const ends = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const start = from + k;
    for (let j = 0; j < window; j++) inputs[k * window + j] = values[start + j]!;
    ends[k] = start + window - 1;
    targets[k] = values[start + window - 1 + horizon]!;
  }
  return { inputs, targets, ends, count, window, horizon };
}
