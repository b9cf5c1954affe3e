// Where the lab's training data comes from: a stored run's series, or an imported CSV file.
import type { DevsimApi, RunInfo } from '../../../src-preload/contract/index.js';
import type { SeriesInput } from '../ml/protocol.js';
import { readRunSeries, type RunSeriesInput } from '../ml/series-from-run.js';

export type MlSourceKind = 'run' | 'csv';

export interface MlSourceState {
  mlSource: MlSourceKind;
  mlRunId: string | null;
  mlSeries: string | null;
  mlCsv: SeriesInput | null;
  runs: RunInfo[] | null;
}

export interface TrainingSource {
  /** The run id, or "csv:" and the file name. */
  key: string;
  /** What is learned: "node/metric", or the file name. */
  series: string;
  read(): Promise<RunSeriesInput>;
}

/** The source the form describes, or what is missing, as a message for the person. */
export function trainingSource(s: MlSourceState, api: Pick<DevsimApi, 'getRunSeries' | 'getRunEvents'>): TrainingSource | string {
  if (s.mlSource === 'csv') {
    const csv = s.mlCsv;
    if (!csv) return 'Pick a CSV file of timestamp,value rows to train on.';
    return { key: `csv:${csv.name}`, series: csv.name, read: async () => ({ series: csv, filled: 0, anomalousPoints: 0, episodes: 0 }) };
  }
  const run = s.runs?.find((r) => r.id === s.mlRunId);
  if (!run) return 'Pick a finished run to train on.';
  const name = s.mlSeries;
  if (!name) return 'Pick a series of the run to train on.';
  return { key: run.id, series: name, read: () => readRunSeries(api, run, name) };
}
