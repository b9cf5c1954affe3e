// Windows, normalisation fitted on the training part, the split by time, DatasetInfo, and the
// messages for series that are too short, constant, or hold NaN or Infinity.
import { describe, expect, it } from 'vitest';
import { datasetInfoSchema } from '../../../src-preload/contract/ml-models.js';
import { buildDataset, type DatasetRequest } from '../../../src-main/ml/data/dataset.js';
import { assertFinite } from '../../../src-main/ml/data/finite.js';
import { denormalise, fitNormalisation, normalise } from '../../../src-main/ml/data/normalise.js';
import { splitByTime } from '../../../src-main/ml/data/split.js';
import { slidingWindows } from '../../../src-main/ml/data/windows.js';

const ramp = (n: number) => Float64Array.from({ length: n }, (_, i) => i);
const times = (n: number) => Float64Array.from({ length: n }, (_, i) => (i + 1) * 1000);

describe('slidingWindows', () => {
  it('cuts windows of W with the target H steps after the last point', () => {
    const w = slidingWindows(ramp(6), 3, 2);
    expect(w.count).toBe(2);
    expect([...w.inputs]).toEqual([0, 1, 2, 1, 2, 3]);
    expect([...w.targets]).toEqual([4, 5]);
    expect([...w.ends]).toEqual([2, 3]);
  });

  it('says how many points a window and horizon need and how many are present', () => {
    expect(() => slidingWindows(ramp(4), 3, 2, 0, 4, 'api/latency_p95_ms')).toThrow('api/latency_p95_ms is too short: a window of 3 and a horizon of 2 need at least 5 points, and 4 are present');
  });
});

describe('normalisation', () => {
  it('zscore and minmax fit offset and scale; none is the identity', () => {
    expect(fitNormalisation('zscore', [1, 3])).toEqual({ method: 'zscore', offset: 2, scale: 1 });
    expect(fitNormalisation('minmax', [2, 6, 4])).toEqual({ method: 'minmax', offset: 2, scale: 4 });
    expect(fitNormalisation('none', [5, 5])).toEqual({ method: 'none', offset: 0, scale: 1 });
    const n = fitNormalisation('zscore', [1, 2, 7]);
    expect(denormalise(n, normalise(n, 42))).toBeCloseTo(42, 12);
  });

  it('refuses a constant series instead of dividing by zero', () => {
    expect(() => fitNormalisation('zscore', [4, 4, 4], 'db/up')).toThrow('db/up is constant (4) over its 3 training points, so zscore has nothing to scale by (scale 0)');
  });
});

describe('splitByTime', () => {
  it('keeps time order: train, then validation, then test', () => {
    expect(splitByTime(100, { train: 0.6, validation: 0.2 })).toEqual({ train: { from: 0, to: 60 }, validation: { from: 60, to: 80 }, test: { from: 80, to: 100 } });
    expect(() => splitByTime(10, { train: 0.8, validation: 0.2 })).toThrow('together below 1');
  });
});

describe('buildDataset', () => {
  const request = (values: Float64Array, extra: Partial<DatasetRequest> = {}): DatasetRequest => ({
    name: 'api/latency_p95_ms',
    timesMs: times(values.length),
    values,
    stepMs: 1000,
    window: 4,
    horizon: 1,
    normalisation: 'zscore',
    split: { train: 0.6, validation: 0.2 },
    source: 'run',
    origin: 'run-abc',
    ...extra,
  });

  it('fits the normalisation on the training part only and windows each part by its targets', () => {
    const values = ramp(100);
    const labels = new Uint8Array(100);
    labels[90] = 1;
    const d = buildDataset(request(values, { labels }));
    // Training points 0…59: mean 29.5.
    expect(d.normalisation.offset).toBe(29.5);
    expect(d.train.windows.count).toBe(60 - 4); // targets 4…59
    expect(d.validation.windows.count).toBe(20); // targets 60…79, inputs reach back into training
    expect(d.test.windows.count).toBe(20);
    expect(d.validation.windows.targets[0]).toBeCloseTo(normalise(d.normalisation, 60), 5);
    expect(d.test.labels.reduce((a, b) => a + b, 0)).toBe(1);
    expect(datasetInfoSchema.parse(d.info)).toEqual({
      source: 'run',
      origin: 'run-abc',
      series: ['api/latency_p95_ms'],
      window: 4,
      horizon: 1,
      stepMs: 1000,
      train: { fromMs: 5000, toMs: 60_000, count: 56 },
      validation: { fromMs: 61_000, toMs: 80_000, count: 20 },
      test: { fromMs: 81_000, toMs: 100_000, count: 20 },
      anomalousPoints: 1,
    });
  });

  it('says where a NaN or Infinity is, by index and time', () => {
    const values = ramp(50);
    values[7] = NaN;
    expect(() => buildDataset(request(values))).toThrow('api/latency_p95_ms: value NaN at index 7 (t = 8000 ms, 1970-01-01T00:00:08.000Z)');
    expect(() => assertFinite('x', [1, Infinity], [0, 5])).toThrow('value Infinity at index 1');
  });

  it('names the series too short and the part too short for a window', () => {
    expect(() => buildDataset(request(ramp(4)))).toThrow('need at least 5 points, and 4 are present');
    expect(() => buildDataset(request(ramp(20), { window: 12 }))).toThrow('the training part of api/latency_p95_ms has 12 points, too few for one window of 12 with a horizon of 1');
  });

  it('refuses a constant series for zscore but takes it with none', () => {
    const flat = new Float64Array(40).fill(3);
    expect(() => buildDataset(request(flat))).toThrow('is constant (3)');
    expect(buildDataset(request(flat, { normalisation: 'none' })).train.windows.count).toBeGreaterThan(0);
  });
});
