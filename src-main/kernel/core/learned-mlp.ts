// The learned policy's network in plain JS: dense layers, tanh between them, the last
// layer's outputs one score per action; the highest score's action is taken. Weights are
// laid out as TensorFlow.js Dense layers keep them (kernel [inputs, units] row-major, bias
// [units]), so a policy saved as tfjs weights loads here unchanged.
import type { KernelPolicy } from './scaling-models.js';

/** Replica changes the policy chooses from, in output order. */
export const POLICY_ACTIONS = [-1, 0, 1, 2] as const;

export interface DenseLayer {
  inputs: number;
  units: number;
  /** inputs × units, row-major: kernel[i * units + j]. */
  kernel: Float64Array | Float32Array;
  bias: Float64Array | Float32Array;
}

export function mlpForward(layers: readonly DenseLayer[], input: Float64Array): Float64Array {
  let x = input;
  layers.forEach((layer, l) => {
    if (x.length !== layer.inputs) throw new RangeError(`layer ${l + 1} takes ${layer.inputs} inputs, not ${x.length}`);
    const y = new Float64Array(layer.units);
    for (let j = 0; j < layer.units; j++) {
      let sum = layer.bias[j]!;
      for (let i = 0; i < layer.inputs; i++) sum += x[i]! * layer.kernel[i * layer.units + j]!;
      y[j] = l < layers.length - 1 ? Math.tanh(sum) : sum;
    }
    x = y;
  });
  return x;
}

/** The index of the highest score (the first on a tie). */
export function argmax(scores: Float64Array): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  return best;
}

export function mlpPolicy(name: string, layers: readonly DenseLayer[]): KernelPolicy {
  const outputs = layers.at(-1)?.units;
  if (outputs !== POLICY_ACTIONS.length) throw new RangeError(`a policy network needs ${POLICY_ACTIONS.length} outputs (${POLICY_ACTIONS.join(', ')} replicas), not ${outputs ?? 0}`);
  return { name, act: (observation) => POLICY_ACTIONS[argmax(mlpForward(layers, observation))]! };
}
