import type { DatasetInfo, Normalisation } from '../../../src-preload/contract/ml-models.js';
import { fitNormalisation, normaliseAll } from '../data/normalise.js';
import { slidingWindows } from '../data/windows.js';
import type { ProbationData } from '../streaming/interfaces.js';
import type { WindowSet } from '../training/window-set.js';

export interface ProbationWindows {
  normalisation: Normalisation;
  train: WindowSet;
  validation: WindowSet;
  dataset: DatasetInfo;
}

/**
 * Training and validation windows from the probationary rows alone (a streaming model may
 * learn from nothing else): z-scored on the training part, the last `validationShare` of the
 * rows validates. Validation targets start where training ends; their inputs may reach back.
 */
export function probationWindows(probation: ProbationData, window: number, horizon: number, validationShare: number, origin: string): ProbationWindows {
  const { values, timesMs } = probation;
  const validationFrom = Math.floor(values.length * (1 - validationShare));
  const normalisation = fitNormalisation('zscore', values.subarray(0, validationFrom), 'the probationary rows');
  const normalised = normaliseAll(normalisation, values);
  const train = slidingWindows(normalised, window, horizon, 0, validationFrom, 'the probationary training rows');
  const validation = slidingWindows(normalised, window, horizon, Math.max(0, validationFrom - window - horizon + 1), values.length, 'the probationary validation rows');
  return { normalisation, train, validation, dataset: datasetInfo(timesMs, validationFrom, window, horizon, origin) };
}

function datasetInfo(timesMs: Float64Array, validationFrom: number, window: number, horizon: number, origin: string): DatasetInfo {
  const n = timesMs.length;
  const gaps = Array.from({ length: Math.max(0, n - 1) }, (_, i) => timesMs[i + 1]! - timesMs[i]!).sort((a, b) => a - b);
  const middle = gaps[gaps.length >> 1];
  const stepMs = middle !== undefined && middle > 0 ? middle : 1;
  const span = (from: number, to: number) => (to > from ? { fromMs: timesMs[from]!, toMs: timesMs[to - 1]!, count: to - from } : { fromMs: 0, toMs: 0, count: 0 });
  return { source: 'csv', origin: origin.slice(0, 500) || 'stream', series: ['value'], window, horizon, stepMs, train: span(0, validationFrom), validation: span(validationFrom, n), test: span(n, n), anomalousPoints: 0 };
}
