import { calibrateErrors, scoreFromError } from '../../kernel/ml/index.js';
import { networkToArtefact } from '../artefact/model-artefact.js';
import { fitSequenceModel } from '../training/fit.js';
import { buildLstmRegressor, disposeModel } from './lstm-regressor.js';
import { DEFAULT_DETECTOR_SETTINGS, settingsAsParameters } from './lstm-settings.js';
import { predictWindows } from './predict-windows.js';
import type { TrainedModel } from './train-forecaster.js';
import type { LstmTrainingRequest } from './training-request.js';

/** Share of normal validation points a detector's default threshold lets through as normal. */
export const DEFAULT_THRESHOLD_QUANTILE = 0.99;
/**
 * The threshold never goes below the score of three robust sigmas (the calibration's centre):
 * when the validation errors are nearly all equal (an error rate at 0 until a fault), their
 * 99th percentile is a typical point, and a threshold there would flag everything.
 */
export const MIN_THRESHOLD = 0.5;

/**
 * Trains the LSTM predictor anomaly detector: it predicts the next point (windows with
 * horizon 1); a point's score is its prediction error calibrated on the validation errors
 * (kernel/ml/anomaly-score.ts), and the threshold is the score of the validation errors'
 * 99th percentile (at least MIN_THRESHOLD), so about 1 % of normal points would be flagged. Validation windows should be
 * normal data (labelled anomalies left out); ML-DATA may tune the threshold on labels instead.
 */
export async function trainLstmDetector(request: LstmTrainingRequest): Promise<TrainedModel> {
  if (request.dataset.horizon !== 1) {
    throw new RangeError(`an LSTM predictor learns the next point: its windows need horizon 1, not ${request.dataset.horizon}`);
  }
  const settings = { ...DEFAULT_DETECTOR_SETTINGS, ...request.settings };
  const model = buildLstmRegressor({ window: request.train.window, units: settings.units, learningRate: settings.learningRate, seed: settings.seed });
  try {
    const fit = await fitSequenceModel(model, request.train, request.validation, { ...settings, signal: request.signal, onEpoch: request.onEpoch });
    const predictions = await predictWindows(model, request.validation);
    const errors = Array.from(predictions, (p, i) => Math.abs(p - request.validation.targets[i]!));
    const calibration = calibrateErrors(errors);
    const sorted = [...errors].sort((a, b) => a - b);
    const quantileError = sorted[Math.min(sorted.length - 1, Math.floor(DEFAULT_THRESHOLD_QUANTILE * sorted.length))]!;
    const artefact = await networkToArtefact(model, {
      name: request.name,
      purpose: 'anomaly-detector',
      architecture: 'lstm-predictor',
      window: request.train.window,
      horizon: 1,
      normalisation: request.normalisation,
      threshold: Math.max(MIN_THRESHOLD, scoreFromError(quantileError, calibration)),
      parameters: { ...settingsAsParameters(settings), epochsRun: fit.epochs.length, bestEpoch: fit.bestEpoch, ...calibration },
      dataset: request.dataset,
      evaluation: { validationLoss: fit.bestValidationLoss, trainingMs: fit.elapsedMs },
    });
    return { model, artefact, fit };
  } catch (error) {
    disposeModel(model);
    throw error;
  }
}
