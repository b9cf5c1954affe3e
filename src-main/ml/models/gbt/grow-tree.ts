import type { TreeEnsemble } from '../../../../src-preload/contract/ml-models.js';
import type { FeatureBins } from './binning.js';

type Tree = TreeEnsemble['trees'][number];

export interface TreeLimits {
  maxDepth: number;
  /** Fewest samples a leaf may hold. */
  minSamplesLeaf: number;
  /** L2 penalty on leaf values (XGBoost's lambda): leaf = Σ residual / (n + lambda). */
  lambda: number;
}

/**
 * Grows one regression tree on the residuals (squared loss: the negative gradient) of the
 * samples in `indices`, choosing at each node the bin edge with the largest gain
 * G_L²/(n_L+λ) + G_R²/(n_R+λ) − G²/(n+λ), from per-bin histograms of residual sums.
 */
export function growTree(bins: FeatureBins, residuals: Float64Array, indices: Int32Array, limits: TreeLimits): Tree {
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
  grow(tree, bins, residuals, indices, 0, limits);
  return tree;
}

function grow(tree: Tree, bins: FeatureBins, residuals: Float64Array, indices: Int32Array, depth: number, limits: TreeLimits): number {
  const node = tree.feature.length;
  let sum = 0;
  for (const i of indices) sum += residuals[i]!;
  const n = indices.length;
  const split = depth < limits.maxDepth && n >= 2 * limits.minSamplesLeaf ? bestSplit(bins, residuals, indices, sum, limits) : undefined;
  if (!split) {
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(sum / (n + limits.lambda));
    return node;
  }
  tree.feature.push(split.feature);
  tree.threshold.push(bins.edges[split.feature]![split.bin]!);
  tree.left.push(-1);
  tree.right.push(-1);
  tree.value.push(0);
  const column = bins.binned[split.feature]!;
  const leftIndices = indices.filter((i) => column[i]! <= split.bin);
  const rightIndices = indices.filter((i) => column[i]! > split.bin);
  tree.left[node] = grow(tree, bins, residuals, leftIndices, depth + 1, limits);
  tree.right[node] = grow(tree, bins, residuals, rightIndices, depth + 1, limits);
  return node;
}

function bestSplit(bins: FeatureBins, residuals: Float64Array, indices: Int32Array, total: number, limits: TreeLimits): { feature: number; bin: number } | undefined {
  const n = indices.length;
  const parentScore = (total * total) / (n + limits.lambda);
  let best: { feature: number; bin: number } | undefined;
  let bestGain = 1e-12;
  for (let f = 0; f < bins.binned.length; f++) {
    const edges = bins.edges[f]!;
    if (edges.length === 0) continue;
    const column = bins.binned[f]!;
    const sums = new Float64Array(edges.length + 1);
    const counts = new Int32Array(edges.length + 1);
    for (const i of indices) {
      const b = column[i]!;
      sums[b] = sums[b]! + residuals[i]!;
      counts[b] = counts[b]! + 1;
    }
    let leftSum = 0;
    let leftCount = 0;
    for (let b = 0; b < edges.length; b++) {
      leftSum += sums[b]!;
      leftCount += counts[b]!;
      const rightCount = n - leftCount;
      if (leftCount < limits.minSamplesLeaf) continue;
      if (rightCount < limits.minSamplesLeaf) break;
      const rightSum = total - leftSum;
      const gain = (leftSum * leftSum) / (leftCount + limits.lambda) + (rightSum * rightSum) / (rightCount + limits.lambda) - parentScore;
      if (gain > bestGain) {
        bestGain = gain;
        best = { feature: f, bin: b };
      }
    }
  }
  return best;
}
