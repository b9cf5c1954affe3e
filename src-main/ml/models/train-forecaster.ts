import type * as tf from '@tensorflow/tfjs';
import type { ModelArtefact } from '../../../src-preload/contract/ml-models.js';
import { networkToArtefact } from '../artefact/model-artefact.js';
import { fitSequenceModel, type FitResult } from '../training/fit.js';
import { buildLstmRegressor, disposeModel } from './lstm-regressor.js';
import { DEFAULT_FORECASTER_SETTINGS, settingsAsParameters } from './lstm-settings.js';
import { predictWindows } from './predict-windows.js';
import type { LstmTrainingRequest } from './training-request.js';

export interface TrainedModel {
  /** The trained tfjs model, compiled (for online updates); the caller disposes it (disposeModel). */
  model: tf.LayersModel;
  artefact: ModelArtefact;
  fit: FitResult;
}

/**
 * Trains the LSTM forecaster: the window's value `dataset.horizon` steps after its last point.
 * Evaluation holds the validation MSE (normalised) and MAE (series units); held-out test
 * figures against seasonal naive are ML-DATA's metrics' job. On failure nothing is returned.
 */
export async function trainLstmForecaster(request: LstmTrainingRequest): Promise<TrainedModel> {
  const settings = { ...DEFAULT_FORECASTER_SETTINGS, ...request.settings };
  const model = buildLstmRegressor({ window: request.train.window, units: settings.units, learningRate: settings.learningRate, seed: settings.seed });
  try {
    const fit = await fitSequenceModel(model, request.train, request.validation, { ...settings, signal: request.signal, onEpoch: request.onEpoch });
    const predictions = await predictWindows(model, request.validation);
    let absSum = 0;
    for (let i = 0; i < predictions.length; i++) absSum += Math.abs(predictions[i]! - request.validation.targets[i]!);
    const artefact = await networkToArtefact(model, {
      name: request.name,
      purpose: 'forecaster',
      architecture: 'lstm-forecaster',
      window: request.train.window,
      horizon: request.dataset.horizon,
      normalisation: request.normalisation,
      parameters: { ...settingsAsParameters(settings), epochsRun: fit.epochs.length, bestEpoch: fit.bestEpoch },
      dataset: request.dataset,
      evaluation: {
        validationLoss: fit.bestValidationLoss,
        validationMae: (absSum / Math.max(1, predictions.length)) * request.normalisation.scale,
        trainingMs: fit.elapsedMs,
      },
    });
    return { model, artefact, fit };
  } catch (error) {
    disposeModel(model);
    throw error;
  }
}
