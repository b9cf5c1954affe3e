import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { forecasterFromArtefact } from '../../../src-main/ml/artefact/kernel-models.js';
import { disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import { trainLstmForecaster } from '../../../src-main/ml/models/train-forecaster.js';
import { datasetInfo, sineSeries, windowsOf, zscore } from './models-series.js';
import { useWasmBackend } from './models-tf-setup.js';

beforeAll(useWasmBackend);

describe('LSTM forecaster', () => {
  const series = sineSeries(700);
  const n = zscore(series.subarray(0, 500));
  const train = windowsOf(series, 24, 3, n, 0, 500);
  const validation = windowsOf(series, 24, 3, n, 500, 700);

  it('learns a sine well enough to beat predicting the mean, and its artefact forecasts in series units', async () => {
    const { model, artefact, fit } = await trainLstmForecaster({
      name: 'sine',
      train,
      validation,
      normalisation: n,
      dataset: datasetInfo(24, 3, 700),
      settings: { units: 8, epochs: 6, seed: 3 },
    });
    disposeModel(model);
    // Predicting the mean has a normalised MSE of ~1 on a z-scored sine.
    expect(fit.bestValidationLoss).toBeLessThan(0.1);
    expect(artefact.purpose).toBe('forecaster');
    expect(artefact.horizon).toBe(3);
    const forecast = forecasterFromArtefact(artefact);
    const t = 650;
    expect(Math.abs(forecast(series.subarray(0, t + 1)) - series[t + 3]!)).toBeLessThan(8); // amplitude 20
    expect(tf.memory().numTensors).toBeLessThan(50);
  });

  it('is the same model for the same seed', async () => {
    const request = { name: 'sine', train, validation, normalisation: n, dataset: datasetInfo(24, 3, 700), settings: { units: 4, epochs: 2, seed: 5 } };
    const a = await trainLstmForecaster(request);
    const b = await trainLstmForecaster(request);
    disposeModel(a.model);
    disposeModel(b.model);
    expect(b.artefact.tfjs?.weightsBase64).toBe(a.artefact.tfjs?.weightsBase64);
    expect(b.fit.epochs.map((e) => e.loss)).toEqual(a.fit.epochs.map((e) => e.loss));
  });
});
