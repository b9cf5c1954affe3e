import * as tf from '@tensorflow/tfjs';
import { TrainingError } from './training-errors.js';
import type { WindowSet } from './window-set.js';

/**
 * One synchronous gradient step of a compiled [window, 1] → 1 model on `recent` windows, for
 * streaming loops that cannot await (the CLI's one pass, a run's per-sample hook): the
 * optimizer's minimize runs at once where model.trainOnBatch returns a promise. A non-finite
 * loss puts the weights back and throws. Returns the loss before the step.
 */
export function updateOnlineSync(model: tf.LayersModel, recent: WindowSet): number {
  if (recent.count === 0) return NaN;
  const optimizer = model.optimizer as tf.Optimizer | undefined;
  if (!optimizer) throw new Error('the model must be compiled before an online update');
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const before = variables.map((v) => v.clone());
  try {
    const loss = tf.tidy(() => {
      const x = tf.tensor3d(recent.inputs, [recent.count, recent.window, 1]);
      const y = tf.tensor2d(recent.targets, [recent.count, 1]);
      const cost = optimizer.minimize(() => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar, true, variables);
      return cost ? cost.dataSync()[0]! : NaN;
    });
    if (!Number.isFinite(loss)) {
      variables.forEach((v, i) => v.assign(before[i]!));
      throw new TrainingError('non-finite-loss', 'the loss became NaN or infinite in an online step; the step was undone');
    }
    return loss;
  } finally {
    tf.dispose(before);
  }
}
