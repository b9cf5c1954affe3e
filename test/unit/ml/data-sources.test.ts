// Datasets in one call: from a run (series picked, labels from its events) and from CSV text
// (unlabelled, step from the timestamps), each with the contract's DatasetInfo.
import { describe, expect, it } from 'vitest';
import { datasetFromCsv, medianStepMs } from '../../../src-main/ml/data/from-csv.js';
import { datasetFromRun } from '../../../src-main/ml/data/from-run.js';
import { datasetInfoSchema } from '../../../src-preload/contract/ml-models.js';

describe('datasetFromRun', () => {
  it('picks the series, labels it from the events and builds the windows', () => {
    const layout = { intervalMs: 1000, nodes: ['api'], metrics: ['latency_p95_ms'] };
    const frames = Array.from({ length: 100 }, (_, i) => ({ tMs: (i + 1) * 1000, values: [i === 3 ? null : 10 + (i % 5)] }));
    const events = [
      { tMs: 80_000, type: 'fault-started', target: 'db', data: { fault: 'network-delay' } },
      { tMs: 84_000, type: 'fault-ended', target: 'db', data: { fault: 'network-delay' } },
    ];
    const d = datasetFromRun({ runId: 'run-1', layout, frames, events, series: 'api/latency_p95_ms', window: 5, horizon: 0, normalisation: 'minmax' });
    expect(d.filled).toBe(1);
    expect(d.episodes).toEqual([{ start: 80, end: 83, startMs: 81_000, endMs: 84_000, causes: ['network-delay on db'] }]);
    expect(datasetInfoSchema.parse(d.info)).toMatchObject({ source: 'run', origin: 'run-1', series: ['api/latency_p95_ms'], anomalousPoints: 4, stepMs: 1000 });
    expect(d.normalisation).toEqual({ method: 'minmax', offset: 10, scale: 4 });
    expect(d.validation.labels.reduce((a, b) => a + b, 0)).toBe(4); // points 80…83 fall in validation (70…84)
  });
});

describe('datasetFromCsv', () => {
  it('builds an unlabelled dataset with the median step, or names the bad line', () => {
    const text = `timestamp,value\n${Array.from({ length: 60 }, (_, i) => `${1714521600 + i * 60},${Math.sin(i)}`).join('\n')}\n`;
    const d = datasetFromCsv({ fileName: 'cpu.csv', text, window: 8, horizon: 2, normalisation: 'zscore' });
    expect(datasetInfoSchema.parse(d.info)).toMatchObject({ source: 'csv', origin: 'cpu.csv', series: ['value'], stepMs: 60_000, anomalousPoints: 0, window: 8, horizon: 2 });
    expect(d.train.windows.count).toBe(42 - 8 - 2 + 1);
    expect(() => datasetFromCsv({ fileName: 'cpu.csv', text: 'timestamp,value\n1,x\n', window: 2, horizon: 1, normalisation: 'none' })).toThrow('cpu.csv:2: value: "x" is not a number');
    expect(() => datasetFromCsv({ fileName: 'cpu.csv', text: '1,1\n2,2\n', window: 2, horizon: 1, normalisation: 'none' })).toThrow('cpu.csv is too short: a window of 2 and a horizon of 1 need at least 3 points, and 2 are present');
  });

  it('takes the median gap as the step', () => {
    expect(medianStepMs(Float64Array.from([0, 10, 20, 50, 60]))).toBe(10);
    expect(medianStepMs(Float64Array.from([0]))).toBe(0);
  });
});
