// An unlabelled dataset from imported CSV text (csv.ts). The step is the median gap between
// timestamps; a file whose gaps vary a lot still works (models see rows, not seconds), and
// the step is recorded so forecasts can be placed in time.
import { parseTimestampValueCsv, type CsvLimits, type CsvSeries } from './csv.js';
import { buildDataset, type Dataset } from './dataset.js';
import type { NormalisationMethod } from './normalise.js';
import type { SplitFractions } from './split.js';

export interface CsvDatasetRequest {
  /** The file's name: the dataset's origin and the name in error messages. */
  fileName: string;
  text: string;
  window: number;
  horizon: number;
  normalisation: NormalisationMethod;
  split?: SplitFractions;
  limits?: Partial<CsvLimits>;
}

export interface CsvDataset extends Dataset {
  series: CsvSeries;
}

/** Median gap between consecutive timestamps (ms); 0 for a single row. */
export function medianStepMs(timesMs: Float64Array): number {
  if (timesMs.length < 2) return 0;
  const gaps = Float64Array.from({ length: timesMs.length - 1 }, (_, i) => timesMs[i + 1]! - timesMs[i]!).sort();
  const m = gaps.length >> 1;
  return gaps.length % 2 === 1 ? gaps[m]! : (gaps[m - 1]! + gaps[m]!) / 2;
}

export function datasetFromCsv(r: CsvDatasetRequest): CsvDataset {
  const series = parseTimestampValueCsv(r.text, r.fileName, r.limits);
  const dataset = buildDataset({
    name: r.fileName,
    seriesName: 'value',
    timesMs: series.timesMs,
    values: series.values,
    stepMs: Math.max(1, medianStepMs(series.timesMs)),
    window: r.window,
    horizon: r.horizon,
    normalisation: r.normalisation,
    ...(r.split === undefined ? {} : { split: r.split }),
    source: 'csv',
    origin: r.fileName,
  });
  return { ...dataset, series };
}
