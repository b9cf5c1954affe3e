// Windows, normalisation and a split by time for one series: what the lab's worker trains on.
// A narrow stand-in for src-main/ml/data (being written alongside); same rules: normalisation
// fitted on the train part only, never shuffled across time, errors that say what is wrong.
import type { SeriesInput, TrainSpec } from './protocol.js';

export interface Windows {
  /** count × window inputs, normalised, row after row. */
  x: Float32Array;
  /** count targets (the value `horizon` steps after each window), normalised. */
  y: Float32Array;
  count: number;
}

export interface LabDataset {
  window: number;
  normalisation: { method: TrainSpec['normalisation']; offset: number; scale: number };
  train: Windows;
  validation: Windows;
  test: Windows;
  /** Missing points filled with the last value seen. */
  filledPoints: number;
}

/** The fewest windows worth training on. */
export const MIN_TRAIN_WINDOWS = 8;

/** Fills gaps with the last value seen; leading gaps are dropped. Refuses a series mostly without data. */
export function fillGaps(series: SeriesInput): { values: Float64Array; filled: number } {
  const present = series.values.filter((v) => v !== null).length;
  if (present < series.values.length / 2) {
    throw new Error(`Series ${series.name} has data at only ${present} of ${series.values.length} points: pick another series or run`);
  }
  const first = series.values.findIndex((v) => v !== null);
  const values = new Float64Array(series.values.length - first);
  let filled = 0;
  let last = 0;
  for (let i = first; i < series.values.length; i++) {
    const v = series.values[i];
    if (v === null || v === undefined) filled++;
    else last = v;
    values[i - first] = last;
  }
  return { values, filled };
}

function fitNormalisation(train: Float64Array, method: TrainSpec['normalisation'], name: string): LabDataset['normalisation'] {
  if (method === 'none') return { method, offset: 0, scale: 1 };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of train) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  if (max === min) {
    throw new Error(`Series ${name} is constant (${min}) over its training part: there is nothing to learn, and ${method} would divide by zero`);
  }
  if (method === 'minmax') return { method, offset: min, scale: max - min };
  const mean = sum / train.length;
  let squares = 0;
  for (const v of train) squares += (v - mean) ** 2;
  return { method, offset: mean, scale: Math.sqrt(squares / train.length) };
}

/** Windows whose targets lie in [fromTarget, toTarget). */
function windowsOf(values: Float64Array, window: number, horizon: number, fromTarget: number, toTarget: number, norm: LabDataset['normalisation']): Windows {
  const first = Math.max(fromTarget, window + horizon - 1);
  const count = Math.max(0, toTarget - first);
  const x = new Float32Array(count * window);
  const y = new Float32Array(count);
  for (let k = 0; k < count; k++) {
    const target = first + k;
    const start = target - horizon - window + 1;
    for (let j = 0; j < window; j++) x[k * window + j] = (values[start + j]! - norm.offset) / norm.scale;
    y[k] = (values[target]! - norm.offset) / norm.scale;
  }
  return { x, y, count };
}

/** Cuts the series by time into train, validation and test, and makes the windows of each. */
export function buildDataset(series: SeriesInput, spec: TrainSpec): LabDataset {
  const { values, filled } = fillGaps(series);
  const n = values.length;
  const trainEnd = Math.floor(n * spec.trainFraction);
  const validationEnd = Math.floor(n * (spec.trainFraction + spec.validationFraction));
  const needed = spec.window + spec.horizon - 1 + MIN_TRAIN_WINDOWS;
  if (trainEnd < needed || validationEnd <= trainEnd) {
    const least = Math.ceil(needed / spec.trainFraction);
    throw new Error(
      `Series ${series.name} is too short: ${n} points, and window ${spec.window} + horizon ${spec.horizon} with ${Math.round(spec.trainFraction * 100)} % for training needs at least ${least} (a longer run, a finer series interval, or a smaller window)`,
    );
  }
  const normalisation = fitNormalisation(values.subarray(0, trainEnd), spec.normalisation, series.name);
  return {
    window: spec.window,
    normalisation,
    train: windowsOf(values, spec.window, spec.horizon, 0, trainEnd, normalisation),
    validation: windowsOf(values, spec.window, spec.horizon, trainEnd, validationEnd, normalisation),
    test: windowsOf(values, spec.window, spec.horizon, validationEnd, n, normalisation),
    filledPoints: filled,
  };
}
