import type { Normalisation } from '../../../src-preload/contract/ml-models.js';
import { scoreFromError, type ErrorCalibration } from './anomaly-score.js';
import { normalisedWindow } from './history-window.js';
import { networkForward } from './network.js';
import type { KernelNetwork } from './network-types.js';

/** Scores `current` against what the model predicted from the points before it; in [0, 1]. */
export type AnomalyScorer = (before: ArrayLike<number>, current: number) => number;

export interface AnomalyScorerSpec {
  network: KernelNetwork;
  window: number;
  normalisation: Normalisation;
  calibration: ErrorCalibration;
}

/** An LSTM predictor as a detector: the error of its next-point prediction, calibrated (anomaly-score.ts). */
export function makeAnomalyScorer({ network, window, normalisation, calibration }: AnomalyScorerSpec): AnomalyScorer {
  return (before, current) => {
    const predicted = networkForward(network, normalisedWindow(before, window, normalisation))[0]!;
    const error = (current - normalisation.offset) / normalisation.scale - predicted;
    return scoreFromError(error, calibration);
  };
}
