// Scaling fitted on the training part only (fitting on all of it would leak the test part's
// level into training), in the contract's terms: x' = (x − offset) / scale.
import type { Normalisation } from '../../../src-preload/contract/ml-models.js';

export type NormalisationMethod = Normalisation['method'];

/** Fits offset and scale on `train`; a constant series is refused for zscore and minmax (its scale would be 0). */
export function fitNormalisation(method: NormalisationMethod, train: ArrayLike<number>, name = 'the series'): Normalisation {
  if (method === 'none') return { method, offset: 0, scale: 1 };
  if (train.length === 0) throw new RangeError(`${name}: no training points to fit the ${method} normalisation on`);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < train.length; i++) {
    const v = train[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  if (!(max > min)) {
    throw new RangeError(`${name} is constant (${min}) over its ${train.length} training points, so ${method} has nothing to scale by (scale 0); use normalisation "none" or another series`);
  }
  if (method === 'minmax') return { method, offset: min, scale: max - min };
  const mean = sum / train.length;
  let squares = 0;
  for (let i = 0; i < train.length; i++) squares += (train[i]! - mean) ** 2;
  return { method, offset: mean, scale: Math.sqrt(squares / train.length) };
}

export const normalise = (n: Normalisation, x: number): number => (x - n.offset) / n.scale;
export const denormalise = (n: Normalisation, y: number): number => y * n.scale + n.offset;

export function normaliseAll(n: Normalisation, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i]! - n.offset) / n.scale;
  return out;
}
