// The weights of a small network as plain arrays, so the kernel can run a trained model
// without TensorFlow.js (tfjs spends ~10 ms per LSTM call on per-op overhead; this is ~0.1 ms).
// src-main/ml/artefact builds these from a model artefact.

/** Activations the shipped models use. `hardSigmoid` is tfjs's clip(0.2x + 0.5, 0, 1). */
export type KernelActivation = 'linear' | 'relu' | 'tanh' | 'sigmoid' | 'hardSigmoid';

/** A Keras/tfjs LSTM layer: gates in the order i, f, c, o along the last axis of each matrix. */
export interface LstmLayerWeights {
  kind: 'lstm';
  inputDim: number;
  units: number;
  /** [inputDim, 4 * units], row-major. */
  kernel: Float32Array;
  /** [units, 4 * units], row-major. */
  recurrentKernel: Float32Array;
  /** [4 * units]; zeros when the layer has no bias. */
  bias: Float32Array;
  activation: KernelActivation;
  recurrentActivation: KernelActivation;
  /** True: the layer emits its output at every step (feeds another LSTM); false: only the last. */
  returnSequences: boolean;
}

/** A fully connected layer: y = activation(x · kernel + bias). */
export interface DenseLayerWeights {
  kind: 'dense';
  inputDim: number;
  units: number;
  /** [inputDim, units], row-major. */
  kernel: Float32Array;
  /** [units]; zeros when the layer has no bias. */
  bias: Float32Array;
  activation: KernelActivation;
}

export type KernelLayerWeights = LstmLayerWeights | DenseLayerWeights;

/** A sequential network: the input is `[timesteps, inputDim]` for a leading LSTM, a vector for an MLP. */
export interface KernelNetwork {
  layers: KernelLayerWeights[];
}
