// Mean and 95 % confidence interval over independent replications (one run per seed), from
// Student's t: mean ± t(0.975, n−1) · s / √n. With one seed there is no interval (null).

export interface MeanInterval {
  mean: number;
  /** Lower and upper bound of the 95 % interval; null with fewer than two seeds. */
  ci95: [number, number] | null;
  /** Sample standard deviation; null with fewer than two seeds. */
  stdDev: number | null;
  n: number;
}

/** t(0.975, df) for df = 1 … 30; beyond it the normal quantile is within 2 %. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export function tQuantile975(df: number): number {
  return T975[df - 1] ?? 1.96;
}

export function meanInterval(values: readonly number[]): MeanInterval {
  const n = values.length;
  if (n === 0) throw new RangeError('a mean needs at least one value');
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, ci95: null, stdDev: null, n };
  const stdDev = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const half = (tQuantile975(n - 1) * stdDev) / Math.sqrt(n);
  return { mean, ci95: [mean - half, mean + half], stdDev, n };
}
