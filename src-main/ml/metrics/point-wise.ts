// Precision, recall and F1 over points: each flagged point is a guess about that point.

export interface DetectionScores {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** F1 from counts; 0 where precision and recall are both 0 (nothing right). Precision with no flags is 1 (no false alarm), recall with no positives is 1. */
export function scoresFromCounts(tp: number, fp: number, fn: number): DetectionScores {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives: tp, falsePositives: fp, falseNegatives: fn };
}

export function pointWiseScores(flags: ArrayLike<number | boolean>, labels: ArrayLike<number>): DetectionScores {
  if (flags.length !== labels.length) throw new RangeError(`${flags.length} flags but ${labels.length} labels`);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const flagged = Boolean(flags[i]);
    const anomalous = labels[i] === 1;
    if (flagged && anomalous) tp++;
    else if (flagged) fp++;
    else if (anomalous) fn++;
  }
  return scoresFromCounts(tp, fp, fn);
}
