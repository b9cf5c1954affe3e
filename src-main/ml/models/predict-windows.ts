import * as tf from '@tensorflow/tfjs';
import type { WindowSet } from '../training/window-set.js';
import { sequenceTensors } from '../training/window-set.js';

/** tfjs predictions for every window (normalised units), batched: for evaluation, not per-step inference. */
export async function predictWindows(model: tf.LayersModel, set: WindowSet): Promise<Float32Array> {
  const { x, y } = sequenceTensors(set);
  const out = model.predict(x, { batchSize: 256 }) as tf.Tensor;
  try {
    return (await out.data()) as Float32Array;
  } finally {
    tf.dispose([x, y, out]);
  }
}
