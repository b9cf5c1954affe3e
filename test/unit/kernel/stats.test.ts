// The statistics: histogram quantiles within 1 % of the exact ones in fixed memory, exact
// means; time-weighted averages.
import { describe, expect, it } from 'vitest';
import { createSampler, createStream } from '../../../src-main/kernel/engine/index.js';
import { HISTOGRAM_BYTES, LatencyHistogram, TimeWeighted } from '../../../src-main/kernel/stats/index.js';

/** The exact q-quantile with the histogram's definition: the ceil(q·n)-th smallest value. */
const exactQuantile = (sorted: Float64Array, q: number) => sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;

describe('LatencyHistogram', () => {
  const cases = [
    { name: 'exponential (mean 100 ms)', dist: { type: 'exponential', meanMs: 100 } as const },
    { name: 'lognormal (mean 15 ms, sd 10 ms)', dist: { type: 'lognormal', meanMs: 15, stdDevMs: 10 } as const },
    { name: 'uniform 0.01–50,000 ms', dist: { type: 'uniform', minMs: 0.01, maxMs: 50_000 } as const },
  ];
  for (const { name, dist } of cases) {
    it(`reports p50/p95/p99/p99.9 within 1 % of the exact quantiles: ${name}`, () => {
      const sample = createSampler(dist, createStream(11, name));
      const h = new LatencyHistogram();
      const xs = new Float64Array(200_000);
      let sum = 0;
      for (let i = 0; i < xs.length; i++) {
        xs[i] = sample();
        h.record(xs[i]!);
        sum += xs[i]!;
      }
      xs.sort();
      for (const q of [0.5, 0.95, 0.99, 0.999]) {
        const exact = exactQuantile(xs, q);
        expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(0.01);
      }
      expect(h.count).toBe(xs.length);
      expect(h.mean()).toBeCloseTo(sum / xs.length, 9);
      expect(h.min).toBe(xs[0]);
      expect(h.max).toBe(xs[xs.length - 1]);
      expect(h.quantile(1)).toBe(xs[xs.length - 1]);
    });
  }

  it('holds a fixed amount of memory whatever the count (about 43 KB)', () => {
    expect(HISTOGRAM_BYTES).toBeLessThan(50_000);
    const h = new LatencyHistogram();
    for (let i = 0; i < 1_000_000; i++) h.record((i % 1000) + 0.5);
    expect(h.count).toBe(1_000_000);
    expect(Math.abs(h.quantile(0.5) - 500) / 500).toBeLessThan(0.01);
  });

  it('keeps zero and sub-microsecond values (reported as the minimum) and values beyond 50 days (as the maximum)', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 90; i++) h.record(0);
    for (let i = 0; i < 9; i++) h.record(10);
    h.record(1e13);
    expect(h.quantile(0.5)).toBe(0);
    expect(Math.abs(h.quantile(0.95) - 10) / 10).toBeLessThan(0.01);
    expect(h.quantile(0.999)).toBe(1e13);
    expect(h.mean()).toBeCloseTo((90 + 1e13) / 100, 0);
  });

  it('reports 0 when empty; merge adds counts; reset empties', () => {
    const a = new LatencyHistogram();
    expect(a.quantile(0.99)).toBe(0);
    expect(a.mean()).toBe(0);
    const b = new LatencyHistogram();
    for (let i = 1; i <= 100; i++) (i <= 50 ? a : b).record(i);
    a.merge(b);
    expect(a.count).toBe(100);
    expect(a.mean()).toBe(50.5);
    expect(Math.abs(a.quantile(0.9) - 90) / 90).toBeLessThan(0.01);
    a.reset();
    expect(a.count).toBe(0);
    expect(a.quantile(0.5)).toBe(0);
  });
});

describe('TimeWeighted', () => {
  it('averages a step function over time', () => {
    const q = new TimeWeighted(0);
    q.add(0, 1); // 1 on [0, 10)
    q.add(10, 2); // 3 on [10, 20)
    q.set(20, 0); // 0 on [20, 40)
    expect(q.areaUntil(40)).toBe(10 + 30);
    expect(q.mean(40)).toBe(1);
    expect(q.value).toBe(0);
  });

  it('starts afresh at reset, keeping the current value', () => {
    const q = new TimeWeighted(0);
    q.set(0, 5);
    q.reset(100);
    q.set(150, 1);
    expect(q.mean(200)).toBe((5 * 50 + 1 * 50) / 100);
    expect(new TimeWeighted(7).mean(7)).toBe(0);
  });
});
