import { describe, expect, it } from 'vitest';
import { seriesFromCsv } from '../../../src-renderer/src/ml/series-from-csv.js';

describe('a series from an imported CSV file', () => {
  it('takes timestamp,value rows, the step from the median gap, unlabelled', () => {
    const text = 'timestamp,value\n2024-05-01T00:00:00Z,70\n2024-05-01T00:00:30Z,66\n2024-05-01T00:01:00Z,68\n2024-05-01T00:02:00Z,69\n';
    expect(seriesFromCsv('latency.csv', text)).toEqual({
      source: 'csv',
      name: 'latency.csv',
      origin: 'latency.csv',
      stepMs: 30_000,
      timesMs: [0, 30_000, 60_000, 120_000].map((ms) => Date.parse('2024-05-01T00:00:00Z') + ms),
      values: [70, 66, 68, 69],
      labels: [0, 0, 0, 0],
    });
  });

  it('names the line and column of a bad row', () => {
    expect(() => seriesFromCsv('latency.csv', 'timestamp,value\n2024-05-01T00:00:00Z,70\n2024-05-01T00:00:30Z,fast\n')).toThrow(/latency\.csv:3: value: /);
  });
});
