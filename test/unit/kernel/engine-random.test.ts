// Random streams and samplers: reproducible, independent per component, right moments.
import { describe, expect, it } from 'vitest';
import { createSampler, createStream, RandomStream } from '../../../src-main/kernel/engine/index.js';

const draws = (n: number, f: () => number) => Float64Array.from({ length: n }, f);
const min = (xs: Float64Array) => xs.reduce((a, b) => Math.min(a, b), Infinity);
const max = (xs: Float64Array) => xs.reduce((a, b) => Math.max(a, b), -Infinity);
const mean = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: Float64Array) => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
};
/** |sample mean − μ| within 4 standard errors (a false alarm once in ~16,000 runs; seeds are fixed anyway). */
const expectMean = (xs: Float64Array, mu: number, sd: number) => expect(Math.abs(mean(xs) - mu)).toBeLessThan((4 * sd) / Math.sqrt(xs.length));

describe('random streams', () => {
  it('gives the same sequence for the same (seed, component) and different ones otherwise', () => {
    const a = draws(100, () => createStream(7, 'server/service').nextUint32());
    const s1 = createStream(7, 'server/service');
    const s2 = createStream(7, 'server/service');
    const x = draws(1000, () => s1.nextUint32());
    const y = draws(1000, () => s2.nextUint32());
    expect(x).toEqual(y);
    expect(new Set(a).size).toBe(1);
    const other = createStream(7, 'server/arrivals');
    const seed8 = createStream(8, 'server/service');
    const o = draws(1000, () => other.nextUint32());
    const z = draws(1000, () => seed8.nextUint32());
    expect(o.filter((v, i) => v === x[i]).length).toBeLessThan(3);
    expect(z.filter((v, i) => v === x[i]).length).toBeLessThan(3);
  });

  it('is xoshiro128** exactly: the reference outputs for the state (1, 2, 3, 4)', () => {
    // From the reference C code (prng.di.unimi.it/xoshiro128starstar.c); integer math only,
    // so every engine on every machine gives the same numbers.
    const s = new RandomStream([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, () => s.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('is uniform on (0, 1): mean, variance and a chi-square over 64 cells', () => {
    const s = createStream(3, 'u');
    const u = draws(200_000, () => s.uniform());
    expect(min(u)).toBeGreaterThan(0);
    expect(max(u)).toBeLessThan(1);
    expectMean(u, 0.5, Math.sqrt(1 / 12));
    const cells = new Array<number>(64).fill(0);
    for (const v of u) cells[Math.floor(v * 64)]!++;
    const e = u.length / 64;
    const chi2 = cells.reduce((a, c) => a + (c - e) ** 2 / e, 0);
    // 63 degrees of freedom: the 99.9th percentile is 103.4.
    expect(chi2).toBeLessThan(103.4);
  });

  it('consecutive outputs are uncorrelated (lag-1 correlation near 0)', () => {
    const s = createStream(5, 'lag');
    const u = draws(100_000, () => s.uniform());
    let c = 0;
    for (let i = 1; i < u.length; i++) c += (u[i]! - 0.5) * (u[i - 1]! - 0.5);
    const r = c / (u.length - 1) / (1 / 12);
    expect(Math.abs(r)).toBeLessThan(4 / Math.sqrt(u.length));
  });
});

describe('samplers for the contract distributions', () => {
  const n = 100_000;
  it('exponential: mean and standard deviation equal meanMs', () => {
    const x = draws(n, createSampler({ type: 'exponential', meanMs: 20 }, createStream(1, 'e')));
    expectMean(x, 20, 20);
    expect(Math.sqrt(variance(x))).toBeGreaterThan(19);
    expect(Math.sqrt(variance(x))).toBeLessThan(21);
  });
  it('constant: always the value', () => {
    const x = draws(100, createSampler({ type: 'constant', valueMs: 3 }, createStream(1, 'c')));
    expect(new Set(x)).toEqual(new Set([3]));
  });
  it('uniform: within [min, max] with mean (min+max)/2', () => {
    const x = draws(n, createSampler({ type: 'uniform', minMs: 10, maxMs: 30 }, createStream(1, 'u')));
    expect(min(x)).toBeGreaterThanOrEqual(10);
    expect(max(x)).toBeLessThanOrEqual(30);
    expectMean(x, 20, 20 / Math.sqrt(12));
  });
  it('lognormal from mean and standard deviation: the value has that mean and standard deviation', () => {
    const x = draws(400_000, createSampler({ type: 'lognormal', meanMs: 15, stdDevMs: 10 }, createStream(1, 'l')));
    expectMean(x, 15, 10);
    expect(Math.sqrt(variance(x))).toBeGreaterThan(9.6);
    expect(Math.sqrt(variance(x))).toBeLessThan(10.4);
    expect(min(x)).toBeGreaterThan(0);
  });
  it('empirical: draws each sample with equal probability', () => {
    const x = draws(n, createSampler({ type: 'empirical', samplesMs: [1, 2, 7] }, createStream(1, 'm')));
    for (const v of [1, 2, 7]) {
      const share = x.filter((y) => y === v).length / n;
      expect(Math.abs(share - 1 / 3)).toBeLessThan(4 * Math.sqrt((1 / 3) * (2 / 3) / n));
    }
  });
});
