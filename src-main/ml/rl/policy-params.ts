// The learned policy's network as one flat parameter vector, the form policy search works
// on: observation → Dense(hidden, tanh) → Dense(actions), weights in tfjs Dense layout.
import { OBSERVATION_SIZE, POLICY_ACTIONS, type DenseLayer } from '../../kernel/index.js';

export const DEFAULT_HIDDEN_UNITS = 8;

export function parameterCount(hidden: number): number {
  return OBSERVATION_SIZE * hidden + hidden + hidden * POLICY_ACTIONS.length + POLICY_ACTIONS.length;
}

export function layersFromParameters(theta: Float64Array, hidden: number): DenseLayer[] {
  if (theta.length !== parameterCount(hidden)) throw new RangeError(`a policy with ${hidden} hidden units has ${parameterCount(hidden)} parameters, not ${theta.length}`);
  const actions = POLICY_ACTIONS.length;
  let k = 0;
  const take = (n: number): Float64Array => theta.slice(k, (k += n));
  return [
    { inputs: OBSERVATION_SIZE, units: hidden, kernel: take(OBSERVATION_SIZE * hidden), bias: take(hidden) },
    { inputs: hidden, units: actions, kernel: take(hidden * actions), bias: take(actions) },
  ];
}
