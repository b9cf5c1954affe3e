import type { TreeEnsemble } from '../../../src-preload/contract/ml-models.js';

/** The contract's tree ensemble (flattened trees: node i splits on feature[i] <= threshold[i]; leaves have feature -1). */
export type TreeEnsembleWeights = TreeEnsemble;

/** base + learningRate × Σ leaf value of each tree. */
export function predictTrees(ensemble: TreeEnsembleWeights, features: ArrayLike<number>): number {
  let sum = 0;
  for (const tree of ensemble.trees) {
    let node = 0;
    for (let guard = 0; tree.feature[node]! >= 0; guard++) {
      if (guard > tree.feature.length) throw new RangeError('a tree of the ensemble has a cycle');
      node = features[tree.feature[node]!]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
    }
    sum += tree.value[node]!;
  }
  return ensemble.base + ensemble.learningRate * sum;
}
