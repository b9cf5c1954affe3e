import { denseForward } from './dense.js';
import { lstmForward } from './lstm.js';
import type { KernelNetwork } from './network-types.js';

/**
 * One forward pass for one input: `[timesteps, features]` flattened for a network that starts
 * with an LSTM, a feature vector for an MLP. Returns the last layer's output.
 */
export function networkForward(network: KernelNetwork, input: ArrayLike<number>): Float64Array {
  let x: ArrayLike<number> = input;
  for (const layer of network.layers) x = layer.kind === 'lstm' ? lstmForward(layer, x) : denseForward(layer, x);
  return x instanceof Float64Array ? x : Float64Array.from(x);
}
