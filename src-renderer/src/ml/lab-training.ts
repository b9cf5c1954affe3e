// What the worker does for a train request, with the ML layer's own parts: the dataset
// (src-main/ml/data), the LSTM forecaster or detector with progress, cancel and early stopping
// (src-main/ml/models, training), and figures on the held-out test part (src-main/ml/metrics).
import type * as tf from '@tensorflow/tfjs';
import { scoreFromError, type ErrorCalibration } from '../../../src-main/kernel/ml/anomaly-score.js';
import { buildDataset, type Dataset } from '../../../src-main/ml/data/dataset.js';
import { forecastErrors, mase } from '../../../src-main/ml/metrics/forecast-errors.js';
import { pointWiseScores } from '../../../src-main/ml/metrics/point-wise.js';
import { disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import { predictWindows } from '../../../src-main/ml/models/predict-windows.js';
import { trainLstmDetector } from '../../../src-main/ml/models/train-detector.js';
import { trainLstmForecaster, type TrainedModel } from '../../../src-main/ml/models/train-forecaster.js';
import type { CancelSignal } from '../../../src-main/ml/training/cancel-signal.js';
import { TrainingError } from '../../../src-main/ml/training/training-errors.js';
import type { ModelArtefact } from '../../../src-preload/contract/index.js';
import type { EpochFigures, SeriesInput, TrainedFigures, TrainSpec } from './protocol.js';

export interface TrainHooks {
  onEpoch(figures: EpochFigures): void;
  signal: CancelSignal;
}

export type TrainOutcome = { kind: 'trained'; result: TrainedFigures; trained: TrainedModel } | { kind: 'cancelled'; epochsDone: number };

/** The name a trained model is offered under, e.g. "api/latency_p95_ms forecaster". */
export const modelName = (series: string, purpose: TrainSpec['purpose']): string => `${series} ${purpose === 'forecaster' ? 'forecaster' : 'anomaly detector'}`;

function datasetOf(series: SeriesInput, spec: TrainSpec): Dataset {
  return buildDataset({
    name: series.name,
    seriesName: series.source === 'csv' ? 'value' : series.name,
    timesMs: series.timesMs,
    values: series.values,
    labels: series.labels,
    stepMs: series.stepMs,
    window: spec.window,
    horizon: spec.purpose === 'anomaly-detector' ? 1 : spec.horizon,
    normalisation: spec.normalisation,
    split: { train: spec.trainFraction, validation: spec.validationFraction },
    source: series.source,
    origin: series.origin,
  });
}

/** How a detector turns a prediction error (normalised units) into a score: stored in its parameters by the training. */
export function calibrationOf(artefact: ModelArtefact): ErrorCalibration {
  const errorCentre = artefact.parameters['errorCentre'];
  const errorSpread = artefact.parameters['errorSpread'];
  if (artefact.purpose !== 'anomaly-detector' || errorCentre === undefined || errorSpread === undefined) {
    throw new Error(`${artefact.name} is a ${artefact.purpose}, not an anomaly detector with a calibration: it gives no anomaly scores`);
  }
  return { errorCentre, errorSpread };
}

type HeldOut = Pick<TrainedFigures, 'test'> & { figures: Record<string, number> };

/** Held-out figures in the series' own units: forecast errors against naive, or detection against the fault labels; and the points behind them. */
async function heldOut(model: tf.LayersModel, artefact: ModelArtefact, data: Dataset, series: SeriesInput): Promise<HeldOut> {
  const test = data.test.windows;
  const { offset, scale } = data.normalisation;
  const raw = (v: number): number => v * scale + offset;
  const predicted = await predictWindows(model, test);
  const actual = Float64Array.from(test.targets, raw);
  const forecast = Float64Array.from(predicted, raw);
  const points = {
    timesMs: Array.from(test.ends, (e) => series.timesMs[e + test.horizon]!),
    actual: Array.from(actual),
    predicted: Array.from(forecast),
    labels: Array.from(data.test.labels, (l) => (l === 1 ? 1 : 0) as 0 | 1),
  };
  if (artefact.purpose === 'forecaster') {
    const lastSeen = Float64Array.from({ length: test.count }, (_, k) => raw(test.inputs[k * test.window + test.window - 1]!));
    const errors = forecastErrors(actual, forecast);
    const figures: Record<string, number> = { testMae: errors.mae, naiveMae: forecastErrors(actual, lastSeen).mae };
    if (Number.isFinite(errors.mape)) figures['testMape'] = errors.mape;
    const train = series.values.slice(data.split.train.from, data.split.train.to);
    try {
      figures['testMase'] = mase(actual, forecast, train, 1);
    } catch {
      // A training part with no change at all has no MASE scale: the figure is left out.
    }
    return { figures, test: { ...points, flagged: null } };
  }
  const calibration = calibrationOf(artefact);
  const threshold = artefact.threshold ?? 0.5;
  // The calibration is in normalised units, as the detector measured its validation errors.
  const flagged = Array.from(actual, (a, k) => (scoreFromError((a - forecast[k]!) / scale, calibration) >= threshold ? 1 : 0) as 0 | 1);
  const labelled = points.labels.reduce<number>((n, l) => n + l, 0);
  const figures: Record<string, number> = { threshold, testFlagged: flagged.reduce<number>((n, f) => n + f, 0), testAnomalousPoints: labelled };
  if (labelled > 0) {
    const scores = pointWiseScores(flagged, points.labels);
    Object.assign(figures, { testPrecision: scores.precision, testRecall: scores.recall, testF1: scores.f1 });
  }
  return { figures, test: { ...points, flagged } };
}

export async function trainLabModel(series: SeriesInput, spec: TrainSpec, hooks: TrainHooks): Promise<TrainOutcome> {
  const started = performance.now();
  const data = datasetOf(series, spec);
  let epochsDone = 0;
  const request = {
    name: modelName(series.name, spec.purpose),
    train: data.train.windows,
    validation: data.validation.windows,
    normalisation: data.normalisation,
    dataset: data.info,
    settings: { units: spec.units, epochs: spec.epochs, batchSize: spec.batchSize, patience: spec.patience },
    signal: hooks.signal,
    onEpoch: (p: { epoch: number; loss: number; validationLoss: number; elapsedMs: number }) => {
      epochsDone = p.epoch;
      hooks.onEpoch({ epoch: p.epoch, loss: p.loss, valLoss: p.validationLoss, elapsedMs: p.elapsedMs });
    },
  };
  let trained: TrainedModel;
  try {
    trained = spec.purpose === 'forecaster' ? await trainLstmForecaster(request) : await trainLstmDetector(request);
  } catch (err) {
    if (err instanceof TrainingError && err.reason === 'cancelled') return { kind: 'cancelled', epochsDone };
    throw err;
  }
  try {
    const held = await heldOut(trained.model, trained.artefact, data, series);
    const evaluation = { ...trained.artefact.evaluation, ...held.figures };
    trained.artefact = { ...trained.artefact, evaluation };
    const result: TrainedFigures = {
      windows: { train: data.train.windows.count, validation: data.validation.windows.count, test: data.test.windows.count },
      epochsRun: trained.fit.epochs.length,
      bestEpoch: trained.fit.bestEpoch,
      stoppedEarly: trained.fit.stoppedEarly,
      evaluation,
      elapsedMs: performance.now() - started,
      test: held.test,
    };
    return { kind: 'trained', result, trained };
  } catch (err) {
    disposeModel(trained.model);
    throw err;
  }
}

/** The trained model's outputs for windows of raw values (in the series' units). */
export async function predictWith(trained: TrainedModel, windows: readonly (readonly number[])[]): Promise<number[]> {
  const { window, normalisation } = trained.artefact;
  const bad = windows.findIndex((w) => w.length !== window);
  if (bad >= 0) throw new Error(`Window ${bad} has ${windows[bad]!.length} values; the model reads ${window}`);
  const inputs = new Float32Array(windows.length * window);
  windows.forEach((w, k) => w.forEach((v, j) => (inputs[k * window + j] = (v - normalisation.offset) / normalisation.scale)));
  const out = await predictWindows(trained.model, { inputs, targets: new Float32Array(windows.length), count: windows.length, window });
  return Array.from(out, (v) => v * normalisation.scale + normalisation.offset);
}

/** Anomaly scores in [0, 1] of `actual[k]` following `windows[k]`, by the trained detector. */
export async function scoreWith(trained: TrainedModel, windows: readonly (readonly number[])[], actual: readonly number[]): Promise<number[]> {
  const calibration = calibrationOf(trained.artefact);
  if (actual.length !== windows.length) throw new Error(`${windows.length} windows but ${actual.length} values to score`);
  const predicted = await predictWith(trained, windows);
  const { scale } = trained.artefact.normalisation;
  return predicted.map((p, k) => scoreFromError((actual[k]! - p) / scale, calibration));
}
