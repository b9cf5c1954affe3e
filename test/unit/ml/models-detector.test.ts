import { beforeAll, describe, expect, it } from 'vitest';
import { anomalyScorerFromArtefact } from '../../../src-main/ml/artefact/kernel-models.js';
import { disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import { MIN_THRESHOLD, trainLstmDetector } from '../../../src-main/ml/models/train-detector.js';
import { datasetInfo, sineSeries, windowsOf, zscore } from './models-series.js';
import { useWasmBackend } from './models-tf-setup.js';

beforeAll(useWasmBackend);

describe('LSTM predictor anomaly detector', () => {
  const series = sineSeries(600, 24, 0.1);
  const n = zscore(series.subarray(0, 400));
  const request = {
    name: 'detector',
    train: windowsOf(series, 24, 1, n, 0, 400),
    validation: windowsOf(series, 24, 1, n, 400, 600),
    normalisation: n,
    dataset: datasetInfo(24, 1, 600),
    settings: { units: 8, epochs: 6 },
  };

  it('scores normal points low and a spike high, with the threshold between them, through the kernel scorer', async () => {
    const { model, artefact } = await trainLstmDetector(request);
    disposeModel(model);
    expect(artefact.architecture).toBe('lstm-predictor');
    expect(artefact.parameters['errorSpread']).toBeGreaterThan(0);
    const threshold = artefact.threshold!;
    expect(threshold).toBeGreaterThan(0);
    expect(threshold).toBeLessThan(1);
    const score = anomalyScorerFromArtefact(artefact);
    const normalScores = [450, 480, 510, 540, 570].map((t) => score(series.subarray(0, t), series[t]!));
    for (const s of normalScores) expect(s).toBeLessThan(threshold);
    // A spike of 3 amplitudes (a latency jump when a database fails).
    const spike = score(series.subarray(0, 500), series[500]! + 60);
    expect(spike).toBeGreaterThan(threshold);
    expect(spike).toBeLessThanOrEqual(1);
  });

  it('keeps its threshold at three robust sigmas or more when the validation errors are all alike, so a flat series is not flagged everywhere', async () => {
    // An error rate: a wave while training, then flat 0 in validation (every prediction error the same).
    const flat = Float64Array.from(series, (v, i) => (i < 400 ? v : 0));
    const { model, artefact } = await trainLstmDetector({ ...request, validation: windowsOf(flat, 24, 1, n, 400, 600) });
    disposeModel(model);
    expect(artefact.threshold!).toBeGreaterThanOrEqual(MIN_THRESHOLD);
    const score = anomalyScorerFromArtefact(artefact);
    const flags = [450, 480, 510, 540, 570].map((t) => score(flat.subarray(0, t), flat[t]!) > artefact.threshold!);
    expect(flags).toEqual([false, false, false, false, false]);
  });

  it('refuses windows that do not predict the next point', async () => {
    await expect(trainLstmDetector({ ...request, dataset: datasetInfo(24, 3, 600) })).rejects.toThrow('an LSTM predictor learns the next point: its windows need horizon 1, not 3');
  });
});
