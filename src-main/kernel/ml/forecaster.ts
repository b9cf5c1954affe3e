import type { Normalisation } from '../../../src-preload/contract/ml-models.js';
import { denormalise, normalisedWindow } from './history-window.js';
import { networkForward } from './network.js';
import type { KernelNetwork } from './network-types.js';
import { predictTrees, type TreeEnsembleWeights } from './tree-ensemble.js';

/**
 * A forecast from the history so far (oldest first) in the series' own units: the value
 * `horizon` steps after the last point. NaN in the window gives NaN: callers skip such a step.
 */
export type Forecaster = (history: ArrayLike<number>) => number;

export interface NetworkForecasterSpec {
  network: KernelNetwork;
  window: number;
  normalisation: Normalisation;
}

/** A forecaster over a univariate network (LSTM → Dense(1), or an MLP over the window). */
export function makeNetworkForecaster({ network, window, normalisation }: NetworkForecasterSpec): Forecaster {
  return (history) => denormalise(networkForward(network, normalisedWindow(history, window, normalisation))[0]!, normalisation);
}

export interface TreeForecasterSpec {
  trees: TreeEnsembleWeights;
  window: number;
  normalisation: Normalisation;
}

/** A forecaster over gradient-boosted trees whose features are the normalised window (lags). */
export function makeTreeForecaster({ trees, window, normalisation }: TreeForecasterSpec): Forecaster {
  return (history) => denormalise(predictTrees(trees, normalisedWindow(history, window, normalisation)), normalisation);
}
