// A series from an imported `timestamp,value` CSV file, parsed by the ML layer (every bad row
// named by its line and column); unlabelled, so detectors are scored without fault labels.
import { parseTimestampValueCsv } from '../../../src-main/ml/data/csv.js';
import { medianStepMs } from '../../../src-main/ml/data/from-csv.js';
import type { SeriesInput } from './protocol.js';

export function seriesFromCsv(fileName: string, text: string): SeriesInput {
  const csv = parseTimestampValueCsv(text, fileName);
  const values = Array.from(csv.values);
  return {
    source: 'csv',
    name: fileName,
    origin: fileName,
    stepMs: Math.max(1, medianStepMs(csv.timesMs)),
    timesMs: Array.from(csv.timesMs),
    values,
    labels: values.map(() => 0 as const),
  };
}
