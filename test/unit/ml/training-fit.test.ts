import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLstmRegressor, disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import { trainLstmForecaster } from '../../../src-main/ml/models/train-forecaster.js';
import { fitSequenceModel, TrainingError, type EpochProgress, type WindowSet } from '../../../src-main/ml/training/index.js';
import { seededRandom } from '../../../src-main/ml/training/seeded-random.js';
import { datasetInfo, sineSeries, windowsOf, zscore } from './models-series.js';
import { useWasmBackend } from './models-tf-setup.js';

beforeAll(useWasmBackend);

const series = sineSeries(300);
const n = zscore(series);
const train = windowsOf(series, 8, 1, n, 0, 220);
const validation = windowsOf(series, 8, 1, n, 220, 300);
const request = { name: 'f', train, validation, normalisation: n, dataset: datasetInfo(8, 1, 300) };
const settings = { units: 4, epochs: 3, batchSize: 32 };

async function failure(promise: Promise<unknown>): Promise<TrainingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TrainingError);
  return error as TrainingError;
}

describe('training', () => {
  it('reports each epoch: number, loss, validation loss and elapsed time', async () => {
    const seen: EpochProgress[] = [];
    const { model } = await trainLstmForecaster({ ...request, settings: { ...settings, patience: 10 }, onEpoch: (p) => seen.push(p) });
    disposeModel(model);
    expect(seen.map((p) => p.epoch)).toEqual([1, 2, 3]);
    for (const p of seen) {
      expect(p.epochs).toBe(3);
      expect(p.loss).toBeGreaterThan(0);
      expect(p.validationLoss).toBeGreaterThan(0);
    }
    expect(seen[2]!.elapsedMs).toBeGreaterThanOrEqual(seen[0]!.elapsedMs);
  });

  it('cancelled between epochs: rejects with "cancelled", returns no model and frees its tensors', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const error = await failure(trainLstmForecaster({ ...request, settings: { ...settings, epochs: 5 }, signal: controller.signal, onEpoch: () => controller.abort() }));
    expect(error.reason).toBe('cancelled');
    expect(error.message).toBe('training was cancelled during epoch 2; no model was kept');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('cancelled in the middle of an epoch: stops at the next batch', async () => {
    let reads = 0;
    const signal = {
      get aborted() {
        return ++reads > 3; // the first epoch's start and a couple of batches, then cancel
      },
    };
    const error = await failure(trainLstmForecaster({ ...request, settings: { ...settings, epochs: 2, batchSize: 8 }, signal }));
    expect(error.reason).toBe('cancelled');
    expect(error.message).toContain('during epoch 1');
  });

  it('refuses too few windows, saying how many there are and how many it needs', async () => {
    const few = windowsOf(series, 8, 1, n, 0, 30);
    const error = await failure(trainLstmForecaster({ ...request, train: few, settings }));
    expect(error.reason).toBe('too-few-windows');
    expect(error.message).toBe('too few windows to train: 22 training windows, at least 32 are needed (use a longer series, a shorter window or a larger training share)');
  });

  it('refuses NaN in the data, naming the part and the window', async () => {
    const bad: WindowSet = { ...validation, inputs: validation.inputs.slice() };
    bad.inputs[5 * 8 + 2] = NaN;
    const error = await failure(trainLstmForecaster({ ...request, validation: bad, settings }));
    expect(error.reason).toBe('non-finite-data');
    expect(error.message).toMatch(/^validation window 5 holds NaN or Infinity/);
  });

  it('stops on a loss that overflows to infinity and says so', async () => {
    const huge: WindowSet = { ...train, targets: train.targets.map(() => 1e30) };
    const error = await failure(trainLstmForecaster({ ...request, train: huge, settings }));
    expect(error.reason).toBe('non-finite-loss');
    expect(error.message).toMatch(/^the loss became NaN or infinite at epoch 1, batch 1; training stopped/);
  });

  it('early stopping ends before the last epoch and keeps the best epoch\'s weights', async () => {
    // Targets that are noise: validation loss stops improving quickly.
    const random = seededRandom(4);
    const noisy: WindowSet = { ...train, targets: train.targets.map(() => 3 * (random() - 0.5)) };
    const model = buildLstmRegressor({ window: 8, units: 4, learningRate: 0.05, seed: 1 });
    const result = await fitSequenceModel(model, noisy, validation, { epochs: 30, batchSize: 32, seed: 2, patience: 2 });
    expect(result.stoppedEarly).toBe(true);
    expect(result.epochs.length).toBeLessThan(30);
    expect(result.epochs.length - result.bestEpoch).toBe(2);
    const x = tf.tensor3d(validation.inputs, [validation.count, 8, 1]);
    const y = tf.tensor2d(validation.targets, [validation.count, 1]);
    const loss = (model.evaluate(x, y, { batchSize: 512 }) as tf.Scalar).dataSync()[0]!;
    expect(loss).toBeCloseTo(result.bestValidationLoss, 5);
    tf.dispose([x, y]);
    disposeModel(model);
  });
});
