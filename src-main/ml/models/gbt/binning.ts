/**
 * Quantile bins per feature (histogram splits, as XGBoost's `hist` and LightGBM do): a split
 * is tried only at bin edges, so finding the best split costs one pass over the samples.
 * bin(x) is the first i with x <= edges[i] (edges.length for larger x), so "bin <= b" is
 * exactly "x <= edges[b]" and a tree can store edges[b] as a plain threshold.
 */
export interface FeatureBins {
  /** Upper edges per feature, ascending. */
  edges: Float64Array[];
  /** Bin of each sample per feature: binned[f][i]. */
  binned: Uint8Array[];
}

/** At most 255 edges so a bin fits a byte. */
export const MAX_BINS = 256;

/** Bins `rows` samples of `cols` features (row-major). */
export function binFeatures(features: Float32Array, rows: number, cols: number, maxBins: number): FeatureBins {
  if (!(maxBins >= 2 && maxBins <= MAX_BINS)) throw new RangeError(`maxBins must be between 2 and ${MAX_BINS}, not ${maxBins}`);
  const edges: Float64Array[] = [];
  const binned: Uint8Array[] = [];
  const column = new Float64Array(rows);
  for (let f = 0; f < cols; f++) {
    for (let i = 0; i < rows; i++) column[i] = features[i * cols + f]!;
    const sorted = Float64Array.from(column).sort();
    const cuts: number[] = [];
    for (let k = 1; k < maxBins; k++) {
      const edge = sorted[Math.min(rows - 1, Math.floor((k * rows) / maxBins))]!;
      if (cuts.length === 0 || edge > cuts[cuts.length - 1]!) cuts.push(edge);
    }
    // The largest value needs no edge of its own: it falls in the last bin.
    if (cuts.length > 0 && cuts[cuts.length - 1]! >= sorted[rows - 1]!) cuts.pop();
    const featureEdges = Float64Array.from(cuts);
    const bins = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) bins[i] = binOf(featureEdges, column[i]!);
    edges.push(featureEdges);
    binned.push(bins);
  }
  return { edges, binned };
}

/** Binary search for the first edge >= x. */
export function binOf(edges: Float64Array, x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
