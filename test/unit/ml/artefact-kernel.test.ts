import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { forecasterFromArtefact, kernelNetworkFromArtefact, networkToArtefact, stepForecasterFromArtefact } from '../../../src-main/ml/artefact/index.js';
import { buildLstmRegressor, disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import { fitSequenceModel, TrainingError } from '../../../src-main/ml/training/index.js';
import type { ArtefactDescription } from '../../../src-main/ml/artefact/model-artefact.js';
import { datasetInfo, sineSeries, windowsOf, zscore } from './models-series.js';
import { useWasmBackend } from './models-tf-setup.js';

beforeAll(useWasmBackend);

const description: ArtefactDescription = {
  name: 'k',
  purpose: 'forecaster',
  architecture: 'lstm-forecaster',
  window: 6,
  horizon: 1,
  normalisation: { method: 'zscore', offset: 100, scale: 10 },
  parameters: {},
  dataset: datasetInfo(6, 1, 100),
  evaluation: {},
};

describe('artefacts in the kernel', () => {
  it('a forecaster artefact becomes the predictive autoscaler\'s step forecaster (name, step, window; rolls one-step models)', async () => {
    const model = buildLstmRegressor({ window: 6, units: 3, learningRate: 0.01, seed: 1 });
    const artefact = await networkToArtefact(model, description);
    disposeModel(model);
    const step = stepForecasterFromArtefact(artefact);
    expect([step.name, step.stepMs, step.window]).toEqual(['k', 1000, 6]);
    const history = Float64Array.from([95, 99, 104, 108, 103, 97, 94]);
    const direct = forecasterFromArtefact(artefact);
    expect(step.forecast(history, 1)).toBe(direct(history));
    const next = direct(history);
    expect(step.forecast(history, 2)).toBeCloseTo(direct([...history, next]), 10);
  });

  it('refuses a network the kernel cannot run, naming the layer', async () => {
    const model = tf.sequential({ layers: [tf.layers.gru({ units: 3, inputShape: [6, 1] }), tf.layers.dense({ units: 1 })] });
    const artefact = await networkToArtefact(model, description);
    model.dispose();
    expect(() => kernelNetworkFromArtefact(artefact)).toThrow('model "k": modelTopology layer 1 (GRU) is a layer the kernel cannot run (it runs LSTM and Dense)');
  });

  it('refuses a detector artefact where a forecaster is asked for', async () => {
    const model = buildLstmRegressor({ window: 6, units: 3, learningRate: 0.01, seed: 1 });
    const artefact = await networkToArtefact(model, { ...description, purpose: 'anomaly-detector', architecture: 'lstm-predictor' });
    disposeModel(model);
    expect(() => forecasterFromArtefact(artefact)).toThrow('model "k": purpose is anomaly-detector, not forecaster');
  });

  it('a failure inside tfjs comes back as a TrainingError that names tfjs and its backend', async () => {
    const series = sineSeries(200);
    const n = zscore(series);
    const model = tf.sequential({ layers: [tf.layers.lstm({ units: 2, inputShape: [6, 1] }), tf.layers.dense({ units: 1 })] }); // never compiled
    const error = await fitSequenceModel(model, windowsOf(series, 6, 1, n, 0, 150), windowsOf(series, 6, 1, n, 150, 200), { epochs: 1, batchSize: 32, seed: 1, patience: 1 }).catch((e: unknown) => e);
    model.dispose();
    expect(error).toBeInstanceOf(TrainingError);
    expect((error as TrainingError).reason).toBe('backend');
    expect((error as TrainingError).message).toMatch(/^TensorFlow\.js \(backend "wasm"\) failed while training: .*compile/);
  });
});
