import * as tf from '@tensorflow/tfjs';
import { TrainingError, backendFailure } from './training-errors.js';
import { sequenceTensors, type WindowSet } from './window-set.js';

export interface OnlineUpdateOptions {
  /** Gradient steps at most (each over all the recent windows). */
  steps: number;
  /** Stop after this long even with steps left, so a live run is never held up. */
  maxMs: number;
}

export interface OnlineUpdateResult {
  steps: number;
  /** The loss of the last step (before its update). */
  loss: number;
  elapsedMs: number;
}

export const DEFAULT_ONLINE_UPDATE: OnlineUpdateOptions = { steps: 3, maxMs: 20 };

/**
 * A few gradient steps of a compiled model on the latest windows (online learning during a
 * run). A step whose loss is NaN puts the weights back as they were before the update and
 * throws, so a bad stretch of data cannot ruin a working model.
 */
export async function updateOnline(model: tf.LayersModel, recent: WindowSet, options: OnlineUpdateOptions = DEFAULT_ONLINE_UPDATE): Promise<OnlineUpdateResult> {
  if (recent.count === 0) return { steps: 0, loss: NaN, elapsedMs: 0 };
  if (recent.inputs.some((v) => !Number.isFinite(v)) || recent.targets.some((v) => !Number.isFinite(v))) {
    throw new TrainingError('non-finite-data', 'the recent windows hold NaN or Infinity; the model was not updated');
  }
  const started = Date.now();
  const before = model.getWeights().map((w) => w.clone());
  const { x, y } = sequenceTensors(recent);
  let steps = 0;
  let loss = NaN;
  try {
    while (steps < options.steps && (steps === 0 || Date.now() - started < options.maxMs)) {
      const result = await model.trainOnBatch(x, y);
      loss = Array.isArray(result) ? result[0]! : result;
      steps++;
      if (!Number.isFinite(loss)) {
        model.setWeights(before);
        throw new TrainingError('non-finite-loss', `the loss became NaN or infinite at online step ${steps}; the update was undone`);
      }
    }
    return { steps, loss, elapsedMs: Date.now() - started };
  } catch (error) {
    throw backendFailure(tf.getBackend(), error);
  } finally {
    tf.dispose([x, y, ...before]);
  }
}
