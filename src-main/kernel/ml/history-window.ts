import type { Normalisation } from '../../../src-preload/contract/ml-models.js';

/**
 * The last `window` points of `history`, normalised as (x - offset) / scale. A history shorter
 * than the window (the start of a run) is padded at the front with its first point, so a
 * model can answer from the first sample; an empty history has nothing to answer from.
 */
export function normalisedWindow(history: ArrayLike<number>, window: number, normalisation: Normalisation): Float64Array {
  if (history.length === 0) throw new RangeError('a forecast needs at least one point of history');
  const out = new Float64Array(window);
  const start = history.length - window;
  for (let i = 0; i < window; i++) {
    const x = history[Math.max(0, start + i)]!;
    out[i] = (x - normalisation.offset) / normalisation.scale;
  }
  return out;
}

/** Back from the model's scale to the series' own units. */
export function denormalise(value: number, normalisation: Normalisation): number {
  return value * normalisation.scale + normalisation.offset;
}
