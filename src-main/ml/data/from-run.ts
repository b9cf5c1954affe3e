// A labelled dataset from a run in one call, what the lab's "dataset from a run" form asks
// for: the series to learn, window, horizon, normalisation and split; labels come from the
// faults and alerts the kernel recorded (labels.ts).
import { buildDataset, type Dataset } from './dataset.js';
import type { Episode } from './episodes.js';
import { labelPoints, type LabelEvent, type LabelOptions } from './labels.js';
import type { NormalisationMethod } from './normalise.js';
import { pickRunSeries, type PickOptions, type RunSeriesFrame, type RunSeriesLayout } from './run-series.js';
import type { SplitFractions } from './split.js';

export interface RunDatasetRequest {
  runId: string;
  layout: RunSeriesLayout;
  frames: readonly RunSeriesFrame[];
  events: readonly LabelEvent[];
  /** "node/metric". */
  series: string;
  window: number;
  horizon: number;
  normalisation: NormalisationMethod;
  split?: SplitFractions;
  labels?: LabelOptions;
  pick?: PickOptions;
}

export interface RunDataset extends Dataset {
  /** The picked series (gaps filled) and its labels, for charts and streaming evaluation. */
  timesMs: Float64Array;
  values: Float64Array;
  labels: Uint8Array;
  episodes: Episode[];
  /** Points forward filled. */
  filled: number;
}

export function datasetFromRun(r: RunDatasetRequest): RunDataset {
  const picked = pickRunSeries(r.layout, r.frames, [r.series], r.pick);
  const values = picked.values[0]!;
  const { labels, episodes } = labelPoints(picked.timesMs, picked.stepMs, r.events, r.labels);
  const dataset = buildDataset({
    name: r.series,
    timesMs: picked.timesMs,
    values,
    labels,
    stepMs: picked.stepMs,
    window: r.window,
    horizon: r.horizon,
    normalisation: r.normalisation,
    ...(r.split === undefined ? {} : { split: r.split }),
    source: 'run',
    origin: r.runId,
  });
  return { ...dataset, timesMs: picked.timesMs, values, labels, episodes, filled: picked.filled[0]! };
}
