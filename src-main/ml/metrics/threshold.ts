// The anomaly threshold, chosen on validation scores. With labels: the score that maximises
// point-wise F1 there (ties: the higher threshold, fewer alarms). Without labels: the
// validation scores' 99.5th percentile, so about one point in 200 of normal data would alarm;
// a detector with cleaner validation data may pass quantile 1 (the maximum seen).
import { scoresFromCounts } from './point-wise.js';

export interface ThresholdChoice {
  threshold: number;
  /** How it was chosen, in a sentence the lab shows. */
  method: string;
  /** Validation F1 at the threshold, when labels were given. */
  f1?: number;
}

export const DEFAULT_QUANTILE = 0.995;

/** Linear-interpolation quantile (numpy's default) of finite values. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const xs = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length === 0) throw new RangeError('no finite scores to take a quantile of');
  const pos = Math.min(1, Math.max(0, q)) * (xs.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo]! + (xs[hi]! - xs[lo]!) * (pos - lo);
}

/** A point is anomalous when its score is ≥ the threshold. */
export function chooseThreshold(scores: ArrayLike<number>, labels?: ArrayLike<number>, q = DEFAULT_QUANTILE): ThresholdChoice {
  if (labels !== undefined && labels.length !== scores.length) throw new RangeError(`${scores.length} scores but ${labels.length} labels`);
  const positives = labels === undefined ? 0 : Array.from(labels).filter((l) => l === 1).length;
  if (labels !== undefined && positives > 0) {
    // Sweep thresholds from the highest score down, counting what each one flags.
    const order = Array.from(scores, (s, i) => [s, labels[i] === 1 ? 1 : 0] as const)
      .filter(([s]) => Number.isFinite(s))
      .sort((a, b) => b[0] - a[0]);
    let tp = 0;
    let fp = 0;
    let best = { threshold: 1, f1: -1 };
    for (let k = 0; k < order.length; k++) {
      const [s, l] = order[k]!;
      if (l === 1) tp++;
      else fp++;
      if (k + 1 < order.length && order[k + 1]![0] === s) continue; // same score: same flags
      const { f1 } = scoresFromCounts(tp, fp, positives - tp);
      if (f1 > best.f1) best = { threshold: s, f1 };
    }
    return { ...best, method: `the validation score that maximises F1 (${best.f1.toFixed(3)})` };
  }
  return { threshold: quantile(scores, q), method: `the ${(q * 100).toFixed(1)}th percentile of the validation scores (no labels)` };
}
