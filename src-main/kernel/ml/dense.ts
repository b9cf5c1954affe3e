import { activateInPlace } from './activations.js';
import type { DenseLayerWeights } from './network-types.js';

/** y = activation(x · kernel + bias), accumulated in float64. */
export function denseForward(layer: DenseLayerWeights, input: ArrayLike<number>): Float64Array {
  const { inputDim, units, kernel, bias } = layer;
  if (input.length !== inputDim) throw new RangeError(`dense layer expects ${inputDim} inputs, got ${input.length}`);
  const out = new Float64Array(units);
  for (let j = 0; j < units; j++) out[j] = bias[j]!;
  for (let i = 0; i < inputDim; i++) {
    const x = input[i]!;
    if (x === 0) continue;
    const row = i * units;
    for (let j = 0; j < units; j++) out[j] = out[j]! + x * kernel[row + j]!;
  }
  activateInPlace(out, layer.activation);
  return out;
}
