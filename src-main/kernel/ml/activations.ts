import type { KernelActivation } from './network-types.js';

/** Applies an activation in place, matching tfjs's definitions. */
export function activateInPlace(values: Float64Array, activation: KernelActivation): void {
  switch (activation) {
    case 'linear':
      return;
    case 'relu':
      for (let i = 0; i < values.length; i++) values[i] = Math.max(0, values[i]!);
      return;
    case 'tanh':
      for (let i = 0; i < values.length; i++) values[i] = Math.tanh(values[i]!);
      return;
    case 'sigmoid':
      for (let i = 0; i < values.length; i++) values[i] = 1 / (1 + Math.exp(-values[i]!));
      return;
    case 'hardSigmoid':
      for (let i = 0; i < values.length; i++) values[i] = Math.min(1, Math.max(0, 0.2 * values[i]! + 0.5));
      return;
  }
}

/** The scalar form, for the LSTM's per-unit gates. */
export function activate(x: number, activation: KernelActivation): number {
  switch (activation) {
    case 'linear':
      return x;
    case 'relu':
      return x > 0 ? x : 0;
    case 'tanh':
      return Math.tanh(x);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-x));
    case 'hardSigmoid':
      return Math.min(1, Math.max(0, 0.2 * x + 0.5));
  }
}
