import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelNetworkFromModel } from '../../../src-main/ml/artefact/index.js';
import { networkForward } from '../../../src-main/kernel/ml/index.js';
import { disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import { loadTrainableModel } from '../../../src-main/ml/models/load-trainable.js';
import { trainLstmForecaster } from '../../../src-main/ml/models/train-forecaster.js';
import { TrainingError, pickWindows, updateOnline, type WindowSet } from '../../../src-main/ml/training/index.js';
import { updateOnlineSync } from '../../../src-main/ml/training/online-update-sync.js';
import { datasetInfo, sineSeries, windowsOf, zscore } from './models-series.js';
import { useWasmBackend } from './models-tf-setup.js';

beforeAll(useWasmBackend);

const series = sineSeries(300);
const n = zscore(series);
const train = windowsOf(series, 8, 1, n, 0, 220);
const validation = windowsOf(series, 8, 1, n, 220, 300);

function lossOn(model: tf.LayersModel, set: WindowSet): number {
  return tf.tidy(() => (model.evaluate(tf.tensor3d(set.inputs, [set.count, 8, 1]), tf.tensor2d(set.targets, [set.count, 1])) as tf.Scalar).dataSync()[0]!);
}

describe('online update', () => {
  it('a stored model, loaded, takes a few bounded steps on the latest windows and fits them better', async () => {
    const trained = await trainLstmForecaster({ name: 'f', train, validation, normalisation: n, dataset: datasetInfo(8, 1, 300), settings: { units: 4, epochs: 1 } });
    disposeModel(trained.model);
    const model = await loadTrainableModel(trained.artefact);
    // The level shifts: recent data sits one standard deviation higher.
    const shifted: WindowSet = { ...validation, inputs: validation.inputs.map((v) => v + 1), targets: validation.targets.map((v) => v + 1) };
    const recent = pickWindows(shifted, Array.from({ length: 32 }, (_, i) => shifted.count - 32 + i));
    const before = lossOn(model, recent);
    const result = await updateOnline(model, recent, { steps: 5, maxMs: 10_000 });
    expect(result.steps).toBe(5);
    expect(lossOn(model, recent)).toBeLessThan(before);
    const bounded = await updateOnline(model, recent, { steps: 1000, maxMs: 0 });
    expect(bounded.steps).toBe(1); // a zero time budget still takes one step, then stops
    // The kernel's copy follows the updated weights.
    const network = await kernelNetworkFromModel(model);
    const window = recent.inputs.subarray(0, 8);
    const expected = tf.tidy(() => (model.predict(tf.tensor3d(window, [1, 8, 1])) as tf.Tensor).dataSync()[0]!);
    expect(Math.abs(networkForward(network, window)[0]! - expected)).toBeLessThan(1e-5);
    disposeModel(model);
  });

  it('a step with a non-finite loss is undone, and the model keeps its weights', async () => {
    const { model } = await trainLstmForecaster({ name: 'f', train, validation, normalisation: n, dataset: datasetInfo(8, 1, 300), settings: { units: 4, epochs: 1 } });
    const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
    const overflowing: WindowSet = { ...validation, targets: validation.targets.map(() => 1e30) };
    const error = await updateOnline(model, overflowing, { steps: 3, maxMs: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingError);
    expect((error as TrainingError).message).toBe('the loss became NaN or infinite at online step 1; the update was undone');
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(weights);
    disposeModel(model);
  });

  it('the synchronous step (for loops that cannot await) lowers the loss, and undoes a non-finite one', async () => {
    const { model } = await trainLstmForecaster({ name: 'f', train, validation, normalisation: n, dataset: datasetInfo(8, 1, 300), settings: { units: 4, epochs: 1 } });
    const recent = pickWindows(validation, Array.from({ length: 32 }, (_, i) => i));
    const first = updateOnlineSync(model, recent);
    for (let i = 0; i < 4; i++) updateOnlineSync(model, recent);
    expect(updateOnlineSync(model, recent)).toBeLessThan(first);
    const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(() => updateOnlineSync(model, { ...recent, targets: recent.targets.map(() => 1e30) })).toThrow('the loss became NaN or infinite in an online step; the step was undone');
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(weights);
    disposeModel(model);
  });
});
