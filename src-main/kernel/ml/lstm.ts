import { activate } from './activations.js';
import type { LstmLayerWeights } from './network-types.js';

/**
 * Runs an LSTM over `sequence` ([timesteps, inputDim], row-major) from zero state, as tfjs's
 * LSTMCell does: z = x·W + h·U + b split into i, f, c̃, o; c = f·c + i·act(c̃); h = o·act(c).
 * Returns the last h ([units]) or, with returnSequences, every h ([timesteps, units]).
 */
export function lstmForward(layer: LstmLayerWeights, sequence: ArrayLike<number>): Float64Array {
  const { inputDim, units, kernel, recurrentKernel, bias } = layer;
  if (sequence.length % inputDim !== 0) {
    throw new RangeError(`LSTM input length ${sequence.length} is not a multiple of its ${inputDim} features`);
  }
  const timesteps = sequence.length / inputDim;
  const width = 4 * units;
  // Two state buffers swapped each step: no allocation per step (GC pauses showed in p99).
  let h = new Float64Array(units);
  let next = new Float64Array(units);
  const c = new Float64Array(units);
  const z = new Float64Array(width);
  const all = layer.returnSequences ? new Float64Array(timesteps * units) : undefined;
  for (let t = 0; t < timesteps; t++) {
    for (let k = 0; k < width; k++) z[k] = bias[k]!;
    for (let i = 0; i < inputDim; i++) {
      const x = sequence[t * inputDim + i]!;
      const row = i * width;
      for (let k = 0; k < width; k++) z[k] = z[k]! + x * kernel[row + k]!;
    }
    for (let u = 0; u < units; u++) {
      const hu = h[u]!;
      if (hu === 0) continue;
      const row = u * width;
      for (let k = 0; k < width; k++) z[k] = z[k]! + hu * recurrentKernel[row + k]!;
    }
    for (let u = 0; u < units; u++) {
      const i = activate(z[u]!, layer.recurrentActivation);
      const f = activate(z[units + u]!, layer.recurrentActivation);
      const candidate = activate(z[2 * units + u]!, layer.activation);
      const o = activate(z[3 * units + u]!, layer.recurrentActivation);
      const cu = f * c[u]! + i * candidate;
      c[u] = cu;
      next[u] = o * activate(cu, layer.activation);
    }
    const previous = h;
    h = next;
    next = previous;
    if (all) all.set(h, t * units);
  }
  return all ?? h;
}
