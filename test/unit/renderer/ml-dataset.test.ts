import { describe, expect, it } from 'vitest';
import { buildDataset, fillGaps } from '../../../src-renderer/src/ml/lab-dataset.js';
import { DEFAULT_ML_SPEC } from '../../../src-renderer/src/stores/ml-slice.js';

const series = (values: (number | null)[]) => ({ name: 'api/latency_p95_ms', stepMs: 1000, startMs: 0, values });
const ramp = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("the lab's dataset", () => {
  it('fills gaps with the last value, drops leading gaps, and refuses a mostly empty series', () => {
    const { values, filled } = fillGaps(series([null, 1, null, 3]));
    expect([...values]).toEqual([1, 1, 3]);
    expect(filled).toBe(1);
    expect(() => fillGaps(series([null, null, 1]))).toThrow('Series api/latency_p95_ms has data at only 1 of 3 points');
  });

  it('cuts by time: train windows target the first part, validation the next, test the rest; z-score fitted on train only', () => {
    const spec = { ...DEFAULT_ML_SPEC, window: 3, horizon: 2, trainFraction: 0.5, validationFraction: 0.25 };
    const data = buildDataset(series(ramp(40)), spec);
    // Targets 4..19 train (first target: window + horizon - 1), 20..29 validation, 30..39 test.
    expect([data.train.count, data.validation.count, data.test.count]).toEqual([16, 10, 10]);
    const { offset, scale } = data.normalisation;
    expect(offset).toBeCloseTo(9.5, 10); // mean of 0..19
    expect(scale).toBeCloseTo(Math.sqrt((20 * 20 - 1) / 12), 10);
    const raw = (v: number) => v * scale + offset;
    // The first train window reads points 0, 1, 2 and targets point 4 (horizon 2).
    expect([0, 1, 2].map((j) => raw(data.train.x[j]!))).toEqual([0, 1, 2].map((v) => expect.closeTo(v, 5)));
    expect(raw(data.train.y[0]!)).toBeCloseTo(4, 5);
    expect(raw(data.validation.y[0]!)).toBeCloseTo(20, 5);
    expect(raw(data.test.y[9]!)).toBeCloseTo(39, 5);
  });

  it('min–max and none normalisations', () => {
    const spec = { ...DEFAULT_ML_SPEC, window: 2, trainFraction: 0.5, validationFraction: 0.25 };
    expect(buildDataset(series(ramp(40)), { ...spec, normalisation: 'minmax' }).normalisation).toEqual({ method: 'minmax', offset: 0, scale: 19 });
    expect(buildDataset(series(ramp(40)), { ...spec, normalisation: 'none' }).normalisation).toEqual({ method: 'none', offset: 0, scale: 1 });
  });

  it('says how many points a series too short for the window needs', () => {
    expect(() => buildDataset(series(ramp(30)), { ...DEFAULT_ML_SPEC, window: 24 })).toThrow(
      'Series api/latency_p95_ms is too short: 30 points, and window 24 + horizon 1 with 70 % for training needs at least 46',
    );
  });

  it('refuses a series constant over its training part', () => {
    expect(() => buildDataset(series(Array.from({ length: 100 }, () => 5)), DEFAULT_ML_SPEC)).toThrow(/constant \(5\) over its training part: there is nothing to learn/);
  });
});
