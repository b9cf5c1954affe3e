// The coarse histogram behind the interval and per-class percentiles, and the lifetime figures
// of the time averages that the series read across the warm-up reset.
import { describe, expect, it } from 'vitest';
import { COARSE_HISTOGRAM_BYTES, CoarseHistogram, createStream, TimeWeighted } from '../../../src-main/kernel/index.js';

const exactQuantile = (sorted: number[], q: number) => sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;

describe('CoarseHistogram', () => {
  it('gives quantiles within 3.2 % of the exact ones over six decades, in under 3 KB', () => {
    const rng = createStream(11, 'coarse');
    const values = Array.from({ length: 20_000 }, () => 10 ** (rng.uniform() * 6 - 2)); // 0.01 ms … 10 s
    const h = new CoarseHistogram();
    for (const v of values) h.record(v);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(h.quantile(q) - exact) / exact, `q = ${q}`).toBeLessThanOrEqual(1 / 32);
    }
    expect(h.quantile(1)).toBe(sorted.at(-1));
    expect(h.mean()).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
    expect(COARSE_HISTOGRAM_BYTES).toBeLessThan(3000);
  });

  it('clears to empty (NaN: no data) and records afresh', () => {
    const h = new CoarseHistogram();
    expect(h.quantile(0.5)).toBeNaN();
    for (let i = 1; i <= 100; i++) h.record(i);
    h.clear();
    expect(h.count).toBe(0);
    expect(h.quantile(0.99)).toBeNaN();
    h.record(7);
    h.record(0); // below the smallest bucket
    expect(h.quantile(0.5)).toBe(0);
    expect(h.quantile(1)).toBe(7);
  });
});

describe('TimeWeighted lifetime figures', () => {
  it('keep the area across a reset and track the highest value since the reset', () => {
    const tw = new TimeWeighted();
    tw.set(0, 2);
    tw.set(10, 5);
    tw.set(20, 1);
    expect(tw.max).toBe(5);
    tw.reset(30);
    expect(tw.max).toBe(1);
    expect(tw.areaUntil(40)).toBe(10);
    expect(tw.lifetimeAreaUntil(40)).toBe(2 * 10 + 5 * 10 + 1 * 20);
    expect(tw.mean(40)).toBe(1);
  });
});
