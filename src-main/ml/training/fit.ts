import * as tf from '@tensorflow/tfjs';
import type { CancelSignal } from './cancel-signal.js';
import { checkWindows } from './check-windows.js';
import { BestWeights } from './early-stopping.js';
import { permutation, seededRandom } from './seeded-random.js';
import { TrainingError, backendFailure } from './training-errors.js';
import { sequenceTensors, type WindowSet } from './window-set.js';

export interface EpochProgress {
  /** 1-based. */
  epoch: number;
  epochs: number;
  loss: number;
  validationLoss: number;
  /** Since training started. */
  elapsedMs: number;
}

export interface FitOptions {
  epochs: number;
  batchSize: number;
  /** Seeds the per-epoch shuffle (weights are seeded where the model is built). */
  seed: number;
  /** Epochs without a better validation loss before stopping; the best epoch's weights are kept. */
  patience: number;
  /** An improvement smaller than this does not count. */
  minDelta?: number | undefined;
  signal?: CancelSignal | undefined;
  onEpoch?: ((progress: EpochProgress) => void) | undefined;
}

export interface FitResult {
  epochs: EpochProgress[];
  bestEpoch: number;
  bestValidationLoss: number;
  stoppedEarly: boolean;
  elapsedMs: number;
}

/**
 * Trains a compiled sequence model ([window, 1] → 1) on normalised windows. Each epoch is
 * shuffled by a seeded permutation (tfjs's own shuffle uses Math.random). Throws a
 * TrainingError when cancelled, on a NaN loss or a backend failure; the model's weights are
 * then in an unknown state and the caller discards it, so nothing half-trained is saved.
 */
export async function fitSequenceModel(model: tf.LayersModel, train: WindowSet, validation: WindowSet, options: FitOptions): Promise<FitResult> {
  checkWindows(train, validation);
  const started = Date.now();
  const random = seededRandom(options.seed);
  const best = new BestWeights(options.patience, options.minDelta ?? 0);
  const trainTensors = sequenceTensors(train);
  const validationTensors = sequenceTensors(validation);
  const epochs: EpochProgress[] = [];
  let stoppedEarly = false;
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      throwIfCancelled(options.signal, epoch);
      const { loss, validationLoss } = await oneEpoch(model, trainTensors, validationTensors, random, epoch, options);
      const progress = { epoch, epochs: options.epochs, loss, validationLoss, elapsedMs: Date.now() - started };
      epochs.push(progress);
      options.onEpoch?.(progress);
      if (best.observe(model, epoch, validationLoss)) {
        stoppedEarly = epoch < options.epochs;
        break;
      }
      // A macrotask between epochs: a worker reads its messages (a cancel) only then.
      await yieldToEventLoop();
    }
    best.restore(model, epochs.length);
    return { epochs, bestEpoch: best.epoch, bestValidationLoss: best.bestLoss, stoppedEarly, elapsedMs: Date.now() - started };
  } catch (error) {
    throw backendFailure(tf.getBackend(), error);
  } finally {
    best.release();
    tf.dispose([trainTensors.x, trainTensors.y, validationTensors.x, validationTensors.y]);
  }
}

type Tensors = { x: tf.Tensor3D; y: tf.Tensor2D };

async function oneEpoch(model: tf.LayersModel, train: Tensors, validation: Tensors, random: () => number, epoch: number, options: FitOptions) {
  const order = tf.tensor1d(permutation(train.x.shape[0], random), 'int32');
  const x = tf.gather(train.x, order);
  const y = tf.gather(train.y, order);
  let badBatch: number | undefined;
  try {
    const history = await model.fit(x, y, {
      epochs: 1,
      batchSize: options.batchSize,
      shuffle: false,
      validationData: [validation.x, validation.y],
      verbose: 0,
      callbacks: {
        onBatchEnd: (batch, logs) => {
          if (options.signal?.aborted) model.stopTraining = true;
          if (!Number.isFinite(logs?.['loss'] ?? NaN)) {
            badBatch = batch + 1;
            model.stopTraining = true;
          }
        },
      },
    });
    throwIfCancelled(options.signal, epoch);
    const loss = Number(history.history['loss']?.[0]);
    const validationLoss = Number(history.history['val_loss']?.[0]);
    if (badBatch !== undefined || !Number.isFinite(loss) || !Number.isFinite(validationLoss)) {
      const where = badBatch !== undefined ? `epoch ${epoch}, batch ${badBatch}` : `epoch ${epoch}`;
      throw new TrainingError('non-finite-loss', `the loss became NaN or infinite at ${where}; training stopped (lower the learning rate, or check the data for extreme values)`);
    }
    return { loss, validationLoss };
  } finally {
    tf.dispose([order, x, y]);
  }
}

function throwIfCancelled(signal: CancelSignal | undefined, epoch: number): void {
  if (signal?.aborted) throw new TrainingError('cancelled', `training was cancelled during epoch ${epoch}; no model was kept`);
}

/** Resolves after the host's pending messages and timers have run (setTimeout: in Node and in workers, not in the ES lib). */
function yieldToEventLoop(): Promise<void> {
  const host = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown };
  return new Promise((resolve) => host.setTimeout(resolve, 0));
}
