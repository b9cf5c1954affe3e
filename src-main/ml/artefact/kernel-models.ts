import type { ModelArtefact } from '../../../src-preload/contract/ml-models.js';
import {
  forecastStepsAhead,
  makeAnomalyScorer,
  makeNetworkForecaster,
  makeTreeForecaster,
  type AnomalyScorer,
  type AnomalyScorerSpec,
  type Forecaster,
} from '../../kernel/ml/index.js';
import { kernelNetworkFromArtefact } from './kernel-network.js';
import { ArtefactError } from './parse-artefact.js';

/**
 * An artefact's forecaster as a plain function over the history (no tfjs at call time):
 * LSTM networks through the kernel's forward pass, trees through its tree walk.
 */
export function forecasterFromArtefact(artefact: ModelArtefact): Forecaster {
  const where = `model "${artefact.name}"`;
  if (artefact.purpose !== 'forecaster') throw new ArtefactError(where, 'purpose', `is ${artefact.purpose}, not forecaster`);
  const { window, normalisation } = artefact;
  if (artefact.architecture === 'gradient-boosted-trees') {
    if (!artefact.trees) throw new ArtefactError(where, 'trees', 'is missing');
    return makeTreeForecaster({ trees: artefact.trees, window, normalisation });
  }
  if (artefact.architecture === 'lstm-forecaster') return makeNetworkForecaster({ network: kernelNetworkFromArtefact(artefact), window, normalisation });
  throw new ArtefactError(where, 'architecture', `${artefact.architecture} has no plain-JS forecaster in the kernel`);
}

/** The shape the kernel's predictive autoscaler takes (src-main/kernel/core/scaling-models.ts). */
export interface StepForecaster {
  readonly name: string;
  readonly stepMs: number;
  readonly window: number;
  forecast(history: Float64Array, stepsAhead: number): number;
}

export function stepForecasterFromArtefact(artefact: ModelArtefact): StepForecaster {
  const forecaster = forecasterFromArtefact(artefact);
  return {
    name: artefact.name,
    stepMs: artefact.dataset.stepMs,
    window: artefact.window,
    forecast: (history, stepsAhead) => forecastStepsAhead(forecaster, artefact.horizon, history, stepsAhead),
  };
}

/** An LSTM predictor's detector: scores a point against the prediction from the points before it. */
export function anomalyScorerFromArtefact(artefact: ModelArtefact): AnomalyScorer {
  return makeAnomalyScorer(anomalyScorerSpec(artefact));
}

/** What a detector scores with, its network a fresh copy (a learning copy updates its own). */
export function anomalyScorerSpec(artefact: ModelArtefact): AnomalyScorerSpec {
  const where = `model "${artefact.name}"`;
  if (artefact.architecture !== 'lstm-predictor') throw new ArtefactError(where, 'architecture', `${artefact.architecture} has no plain-JS anomaly scorer in the kernel`);
  const errorCentre = artefact.parameters['errorCentre'];
  const errorSpread = artefact.parameters['errorSpread'];
  if (errorCentre === undefined || errorSpread === undefined || !(errorSpread > 0)) {
    throw new ArtefactError(where, 'parameters', 'lack the error calibration (errorCentre, errorSpread > 0) a detector is scored with');
  }
  return { network: kernelNetworkFromArtefact(artefact), window: artefact.window, normalisation: artefact.normalisation, calibration: { errorCentre, errorSpread } };
}

/** The shape a run's anomaly-detection nodes take (src-main/kernel/core/scaling-models.ts KernelDetector). */
export interface RunDetector {
  readonly name: string;
  readonly window: number;
  readonly threshold: number;
  score(history: Float64Array, value: number): number;
}

export function runDetectorFromArtefact(artefact: ModelArtefact): RunDetector {
  if (artefact.threshold === undefined) throw new ArtefactError(`model "${artefact.name}"`, 'threshold', 'is missing: a detector needs the score from which a point is an anomaly');
  const score = anomalyScorerFromArtefact(artefact);
  return { name: artefact.name, window: artefact.window, threshold: artefact.threshold, score };
}
