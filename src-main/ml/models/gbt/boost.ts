import type { TreeEnsemble } from '../../../../src-preload/contract/ml-models.js';
import { predictTrees } from '../../../kernel/ml/index.js';
import { permutation, seededRandom } from '../../training/seeded-random.js';
import { binFeatures } from './binning.js';
import { growTree, type TreeLimits } from './grow-tree.js';

export interface BoostSettings extends TreeLimits {
  /** Trees at most. */
  rounds: number;
  /** Shrinkage: each tree's leaves count this much. */
  learningRate: number;
  maxBins: number;
  /** Share of samples each tree sees (stochastic gradient boosting); 1 uses all. */
  subsample: number;
  /** Rounds without a better validation error before stopping (when validation is given). */
  patience: number;
  seed: number;
}

export const DEFAULT_BOOST_SETTINGS: BoostSettings = { rounds: 200, learningRate: 0.1, maxDepth: 4, minSamplesLeaf: 8, lambda: 1, maxBins: 64, subsample: 0.8, patience: 10, seed: 13 };

/** Rows of features (row-major, `cols` per row) and one target per row. */
export interface Samples {
  features: Float32Array;
  targets: Float32Array;
  rows: number;
  cols: number;
}

export interface BoostResult {
  ensemble: TreeEnsemble;
  /** Root mean squared error on validation per round (empty without validation). */
  validationRmse: number[];
}

/**
 * Gradient-boosted regression trees with squared loss, in the spirit of XGBoost's `hist`
 * method: quantile bins, depth-limited trees, L2-penalised leaves, shrinkage, row subsampling
 * and early stopping on validation (the ensemble is cut back to its best round).
 */
export function boostTrees(train: Samples, validation: Samples | undefined, settings: BoostSettings = DEFAULT_BOOST_SETTINGS): BoostResult {
  if (train.rows < 2 * settings.minSamplesLeaf) throw new RangeError(`gradient-boosted trees need at least ${2 * settings.minSamplesLeaf} training rows, not ${train.rows}`);
  const bins = binFeatures(train.features, train.rows, train.cols, settings.maxBins);
  let base = 0;
  for (let i = 0; i < train.rows; i++) base += train.targets[i]!;
  base /= train.rows;
  const ensemble: TreeEnsemble = { base, learningRate: settings.learningRate, trees: [] };
  const predictions = new Float64Array(train.rows).fill(base);
  const residuals = new Float64Array(train.rows);
  const validationPredictions = validation ? new Float64Array(validation.rows).fill(base) : undefined;
  const validationRmse: number[] = [];
  const random = seededRandom(settings.seed);
  const sampleSize = Math.max(2 * settings.minSamplesLeaf, Math.round(settings.subsample * train.rows));
  let bestRound = 0;
  let bestRmse = Infinity;
  for (let round = 0; round < settings.rounds; round++) {
    for (let i = 0; i < train.rows; i++) residuals[i] = train.targets[i]! - predictions[i]!;
    const sample = settings.subsample < 1 ? permutation(train.rows, random).slice(0, sampleSize).sort() : Int32Array.from({ length: train.rows }, (_, i) => i);
    const tree = growTree(bins, residuals, sample, settings);
    ensemble.trees.push(tree);
    const single: TreeEnsemble = { base: 0, learningRate: settings.learningRate, trees: [tree] };
    for (let i = 0; i < train.rows; i++) predictions[i] = predictions[i]! + predictTrees(single, train.features.subarray(i * train.cols, (i + 1) * train.cols));
    if (validation && validationPredictions) {
      let squares = 0;
      for (let i = 0; i < validation.rows; i++) {
        validationPredictions[i] = validationPredictions[i]! + predictTrees(single, validation.features.subarray(i * validation.cols, (i + 1) * validation.cols));
        squares += (validation.targets[i]! - validationPredictions[i]!) ** 2;
      }
      const rmse = Math.sqrt(squares / validation.rows);
      validationRmse.push(rmse);
      if (rmse < bestRmse) {
        bestRmse = rmse;
        bestRound = round + 1;
      } else if (round + 1 - bestRound >= settings.patience) {
        break;
      }
    }
  }
  if (validation) ensemble.trees.length = bestRound;
  return { ensemble, validationRmse };
}
