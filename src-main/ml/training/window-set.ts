import * as tf from '@tensorflow/tfjs';

/**
 * Supervised windows, already normalised: the shape ML-DATA's `slidingWindows` returns
 * (src-main/ml/data/windows.ts), named narrowly here so training needs nothing else of it.
 */
export interface WindowSet {
  /** count × window values, row-major. */
  inputs: Float32Array;
  /** count targets. */
  targets: Float32Array;
  count: number;
  window: number;
}

/** Inputs as [count, window, 1] for an LSTM, targets as [count, 1]. Caller disposes. */
export function sequenceTensors(set: WindowSet): { x: tf.Tensor3D; y: tf.Tensor2D } {
  return { x: tf.tensor3d(set.inputs, [set.count, set.window, 1]), y: tf.tensor2d(set.targets, [set.count, 1]) };
}

/** The windows at `indices`, in that order (mini-batches, the latest windows for an online update). */
export function pickWindows(set: WindowSet, indices: ArrayLike<number>): WindowSet {
  const inputs = new Float32Array(indices.length * set.window);
  const targets = new Float32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    inputs.set(set.inputs.subarray(i * set.window, (i + 1) * set.window), k * set.window);
    targets[k] = set.targets[i]!;
  }
  return { inputs, targets, count: indices.length, window: set.window };
}
