// The worker's training path with the real ML layer and TensorFlow.js on its wasm backend
// (as in the browser, minus the Worker): dataset, LSTM, held-out figures, cancel.
import { beforeAll, describe, expect, it } from 'vitest';
import { disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import { modelArtefactSchema } from '../../../src-preload/contract/index.js';
import { trainLabModel } from '../../../src-renderer/src/ml/lab-training.js';
import type { SeriesInput } from '../../../src-renderer/src/ml/protocol.js';
import { DEFAULT_ML_SPEC } from '../../../src-renderer/src/stores/ml-slice.js';
import { sineSeries } from '../ml/models-series.js';
import { useWasmBackend } from '../ml/models-tf-setup.js';

/** 400 points of a noisy sine, a spike of +60 over points 370–374 (in the test part) labelled anomalous. */
function series(): SeriesInput {
  const values = Array.from(sineSeries(400, 24, 0.05, 3));
  const labels = values.map((_, i) => (i >= 370 && i < 375 ? 1 : 0) as 0 | 1);
  for (let i = 370; i < 375; i++) values[i]! += 60;
  return { source: 'run', name: 'api/latency_p95_ms', origin: 'run-1', stepMs: 1000, timesMs: values.map((_, i) => i * 1000), values, labels };
}

const spec = { ...DEFAULT_ML_SPEC, window: 12, epochs: 3, patience: 3 };
const never = { aborted: false };

describe("the ML lab worker's training (tfjs on wasm)", () => {
  beforeAll(async () => {
    await useWasmBackend();
  });

  it('trains a forecaster with progress per epoch, and reports its artefact and held-out errors against naive', async () => {
    const epochs: number[] = [];
    const outcome = await trainLabModel(series(), spec, { signal: never, onEpoch: (f) => epochs.push(f.epoch) });
    if (outcome.kind !== 'trained') throw new Error('expected a trained model');
    expect(epochs).toEqual([1, 2, 3]);
    const artefact = modelArtefactSchema.parse(outcome.trained.artefact);
    expect(artefact).toMatchObject({ name: 'api/latency_p95_ms forecaster', purpose: 'forecaster', architecture: 'lstm-forecaster', window: 12, dataset: { origin: 'run-1', anomalousPoints: 5 } });
    expect(outcome.result.windows.test).toBeGreaterThan(0);
    for (const k of ['testMae', 'naiveMae', 'testMase', 'testMape']) expect(outcome.result.evaluation[k], k).toBeGreaterThan(0);
    expect(artefact.evaluation['testMae']).toBe(outcome.result.evaluation['testMae']);
    // The test part point by point: one forecast per test window, at its target's time, with the spike's labels.
    const { test } = outcome.result;
    expect(test.timesMs).toHaveLength(outcome.result.windows.test);
    expect(test.predicted).toHaveLength(outcome.result.windows.test);
    expect(test.timesMs.at(-1)).toBe(399_000);
    expect(test.labels.filter((l) => l === 1)).toHaveLength(5);
    expect(test.actual[test.timesMs.indexOf(370_000)]).toBeCloseTo(series().values[370]!, 4);
    expect(test.flagged).toBeNull();
    disposeModel(outcome.trained.model);
  });

  it('trains an anomaly detector and scores it against the labels of the test part', async () => {
    const outcome = await trainLabModel(series(), { ...spec, purpose: 'anomaly-detector' }, { signal: never, onEpoch: () => {} });
    if (outcome.kind !== 'trained') throw new Error('expected a trained model');
    const { evaluation } = outcome.result;
    expect(outcome.trained.artefact).toMatchObject({ purpose: 'anomaly-detector', architecture: 'lstm-predictor', horizon: 1 });
    expect(evaluation['testAnomalousPoints']).toBe(5);
    for (const k of ['testPrecision', 'testRecall', 'testF1']) expect(evaluation[k], k).toBeGreaterThanOrEqual(0);
    // A spike of three times the sine's amplitude is flagged.
    expect(evaluation['testRecall']).toBeGreaterThan(0);
    const flaggedAt = outcome.result.test.timesMs.filter((_, i) => outcome.result.test.flagged?.[i] === 1);
    expect(flaggedAt.some((t) => t >= 370_000 && t < 375_000)).toBe(true);
    expect(flaggedAt).toHaveLength(evaluation['testFlagged']!);
    disposeModel(outcome.trained.model);
  });

  it('stops when cancelled, keeping no model', async () => {
    const signal = { aborted: false };
    const outcome = await trainLabModel(series(), { ...spec, epochs: 50, patience: 50 }, { signal, onEpoch: (f) => (signal.aborted = f.epoch >= 2) });
    expect(outcome).toEqual({ kind: 'cancelled', epochsDone: 2 });
  });

  it('refuses a series too short for the window with the dataset’s message', async () => {
    await expect(trainLabModel(series(), { ...spec, window: 500 }, { signal: never, onEpoch: () => {} })).rejects.toThrow(
      'api/latency_p95_ms is too short: a window of 500 and a horizon of 1 need at least 501 points, and 400 are present',
    );
  });
});
