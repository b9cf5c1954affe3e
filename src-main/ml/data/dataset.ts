// A dataset for one series: checked (finite, long enough), split by time, normalised with
// what the training part alone says, cut into windows, described as the contract's DatasetInfo.
// A window belongs to the part its target falls in; its inputs may reach back into the
// previous part, which is the past at that moment, so nothing leaks from the future.
import type { DatasetInfo, Normalisation } from '../../../src-preload/contract/ml-models.js';
import { assertFinite } from './finite.js';
import { fitNormalisation, normaliseAll, type NormalisationMethod } from './normalise.js';
import { DEFAULT_SPLIT, splitByTime, type IndexRange, type SplitFractions, type TimeSplit } from './split.js';
import { pointsNeeded, slidingWindows, type Windows } from './windows.js';

export interface DatasetRequest {
  /** Names the series in error messages: "node/metric" for a run, the file name for a CSV. */
  name: string;
  /** What DatasetInfo.series records (default: name); "value" for a CSV. */
  seriesName?: string;
  timesMs: ArrayLike<number>;
  values: ArrayLike<number>;
  /** 0/1 per point (labels.ts); absent for unlabelled data. */
  labels?: ArrayLike<number>;
  stepMs: number;
  window: number;
  horizon: number;
  normalisation: NormalisationMethod;
  split?: SplitFractions;
  source: DatasetInfo['source'];
  /** The run id or the file name. */
  origin: string;
}

export interface DatasetPart {
  /** Normalised windows whose targets lie in this part. */
  windows: Windows;
  /** Per window: the label of its target point (0 when unlabelled). */
  labels: Uint8Array;
}

export interface Dataset {
  normalisation: Normalisation;
  split: TimeSplit;
  train: DatasetPart;
  validation: DatasetPart;
  test: DatasetPart;
  info: DatasetInfo;
}

export function buildDataset(r: DatasetRequest): Dataset {
  const n = r.values.length;
  if (r.timesMs.length !== n) throw new RangeError(`${r.name}: ${n} values but ${r.timesMs.length} timestamps`);
  if (r.labels !== undefined && r.labels.length !== n) throw new RangeError(`${r.name}: ${n} values but ${r.labels.length} labels`);
  assertFinite(r.name, r.values, r.timesMs);
  const need = pointsNeeded(r.window, r.horizon);
  if (n < need) throw new RangeError(`${r.name} is too short: a window of ${r.window} and a horizon of ${r.horizon} need at least ${need} points, and ${n} are present`);
  const split = splitByTime(n, r.split ?? DEFAULT_SPLIT);
  const normalisation = fitNormalisation(r.normalisation, Float64Array.from(r.values).subarray(split.train.from, split.train.to), r.name);
  const scaled = normaliseAll(normalisation, r.values);
  const part = (label: string, range: IndexRange): DatasetPart => {
    const from = Math.max(0, range.from - r.window + 1 - r.horizon);
    if (range.to - range.from < 1 || range.to - from < need) {
      throw new RangeError(
        `the ${label} part of ${r.name} has ${range.to - range.from} points, too few for one window of ${r.window} with a horizon of ${r.horizon}; use a longer series or change the split`,
      );
    }
    const windows = slidingWindows(scaled, r.window, r.horizon, from, range.to, `the ${label} part of ${r.name}`);
    const labels = Uint8Array.from(windows.ends, (e) => (r.labels?.[e + r.horizon] === 1 ? 1 : 0));
    return { windows, labels };
  };
  const train = part('training', split.train);
  const validation = part('validation', split.validation);
  const test = part('test', split.test);
  const span = (p: DatasetPart) => {
    const { ends, count } = p.windows;
    return { fromMs: r.timesMs[ends[0]! + r.horizon]!, toMs: r.timesMs[ends[count - 1]! + r.horizon]!, count };
  };
  let anomalousPoints = 0;
  if (r.labels !== undefined) for (let i = 0; i < n; i++) if (r.labels[i] === 1) anomalousPoints++;
  const info: DatasetInfo = {
    source: r.source,
    origin: r.origin,
    series: [r.seriesName ?? r.name],
    window: r.window,
    horizon: r.horizon,
    stepMs: r.stepMs,
    train: span(train),
    validation: span(validation),
    test: span(test),
    anomalousPoints,
  };
  return { normalisation, split, train, validation, test, info };
}
