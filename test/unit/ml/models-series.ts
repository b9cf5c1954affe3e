// Small synthetic series for model tests: a daily-like sine with seeded noise, windowed and
// normalised the way ML-DATA's dataset builder does it.
import type { DatasetInfo, Normalisation } from '../../../src-preload/contract/ml-models.js';
import { seededRandom } from '../../../src-main/ml/training/seeded-random.js';
import type { WindowSet } from '../../../src-main/ml/training/window-set.js';

export function sineSeries(length: number, period = 24, noise = 0.05, seed = 1): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length }, (_, i) => 100 + 20 * Math.sin((2 * Math.PI * i) / period) + noise * 20 * (random() - 0.5));
}

export function zscore(values: ArrayLike<number>): Normalisation {
  const xs = Array.from(values);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { method: 'zscore', offset: mean, scale: sd };
}

/** Normalised windows whose target is `horizon` steps after the window's last point. */
export function windowsOf(values: ArrayLike<number>, window: number, horizon: number, n: Normalisation, from = 0, to = values.length): WindowSet {
  const count = to - from - window - horizon + 1;
  const inputs = new Float32Array(count * window);
  const targets = new Float32Array(count);
  for (let k = 0; k < count; k++) {
    for (let j = 0; j < window; j++) inputs[k * window + j] = (values[from + k + j]! - n.offset) / n.scale;
    targets[k] = (values[from + k + window - 1 + horizon]! - n.offset) / n.scale;
  }
  return { inputs, targets, count, window };
}

export function datasetInfo(window: number, horizon: number, count: number): DatasetInfo {
  const span = { fromMs: 0, toMs: count * 1000, count };
  return { source: 'csv', origin: 'synthetic-sine.csv', series: ['value'], window, horizon, stepMs: 1000, train: span, validation: span, test: span, anomalousPoints: 0 };
}
