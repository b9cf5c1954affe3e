import { MODEL_FORMAT_VERSION, type DatasetInfo, type ModelArtefact, type Normalisation } from '../../../../src-preload/contract/ml-models.js';
import { predictTrees } from '../../../kernel/ml/index.js';
import { parseArtefact } from '../../artefact/parse-artefact.js';
import { checkWindows } from '../../training/check-windows.js';
import type { WindowSet } from '../../training/window-set.js';
import { boostTrees, DEFAULT_BOOST_SETTINGS, type BoostSettings, type Samples } from './boost.js';

export interface GbtTrainingRequest {
  name: string;
  /** Normalised windows: each window's points are the trees' features (lags). */
  train: WindowSet;
  validation: WindowSet;
  normalisation: Normalisation;
  dataset: DatasetInfo;
  settings?: Partial<BoostSettings>;
}

export interface TrainedTrees {
  artefact: ModelArtefact;
  /** Validation RMSE per round (normalised units). */
  validationRmse: number[];
  elapsedMs: number;
}

/** Trains the gradient-boosted trees forecaster; the kernel predicts with its plain tree walk. */
export function trainGbtForecaster(request: GbtTrainingRequest): TrainedTrees {
  checkWindows(request.train, request.validation);
  const settings = { ...DEFAULT_BOOST_SETTINGS, ...request.settings };
  const started = Date.now();
  const { ensemble, validationRmse } = boostTrees(samplesOf(request.train), samplesOf(request.validation), settings);
  const elapsedMs = Date.now() - started;
  const { validation } = request;
  let absSum = 0;
  for (let i = 0; i < validation.count; i++) {
    absSum += Math.abs(predictTrees(ensemble, validation.inputs.subarray(i * validation.window, (i + 1) * validation.window)) - validation.targets[i]!);
  }
  const artefact = parseArtefact({
    format: 'devsim-model',
    formatVersion: MODEL_FORMAT_VERSION,
    name: request.name,
    purpose: 'forecaster',
    architecture: 'gradient-boosted-trees',
    window: request.train.window,
    horizon: request.dataset.horizon,
    normalisation: request.normalisation,
    parameters: { ...settings, treesKept: ensemble.trees.length },
    dataset: request.dataset,
    evaluation: {
      validationRmse: Math.min(...validationRmse),
      validationMae: (absSum / validation.count) * request.normalisation.scale,
      trainingMs: elapsedMs,
    },
    trees: ensemble,
  });
  return { artefact, validationRmse, elapsedMs };
}

function samplesOf(set: WindowSet): Samples {
  return { features: set.inputs, targets: set.targets, rows: set.count, cols: set.window };
}
