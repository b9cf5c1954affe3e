// The baselines: the rolling z-score detector (scores in [0, 1] from the past only, warm-up,
// flat histories) and the seasonal-naive forecaster (same phase last season; naive before).
import { describe, expect, it } from 'vitest';
import { erfc, scoreFromZ } from '../../../src-main/ml/baselines/normal-score.js';
import { RollingZScoreDetector } from '../../../src-main/ml/baselines/rolling-zscore.js';
import { SeasonalNaiveForecaster } from '../../../src-main/ml/baselines/seasonal-naive.js';

/** Deterministic noise in [-1, 1) (a linear congruential generator). */
function noise(n: number, seed = 7): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (1103515245 * x + 12345) % 2 ** 31;
    return (x / 2 ** 30) - 1;
  });
}

describe('scoreFromZ', () => {
  it('is 1 − 2Φ(−|z|): 0 at the mean, 0.9973 at 3σ, symmetric', () => {
    expect(scoreFromZ(0)).toBeCloseTo(0, 6);
    expect(scoreFromZ(1)).toBeCloseTo(0.682689, 6);
    expect(scoreFromZ(-3)).toBeCloseTo(0.9973, 4);
    expect(scoreFromZ(4)).toBeCloseTo(0.999937, 6);
    expect(erfc(-1)).toBeCloseTo(2 - erfc(1), 12);
  });
});

describe('RollingZScoreDetector', () => {
  it('scores 0 during the warm-up, then gives a spike the highest score and flags it', () => {
    const values = noise(300).map((v) => 100 + 5 * v);
    values[200] = 160;
    const d = new RollingZScoreDetector({ window: 50, warmup: 10 });
    const out = values.map((v, i) => d.observe(i * 1000, v));
    expect(out.slice(0, 10).every((o) => o.score === 0)).toBe(true);
    const top = out.reduce((best, o, i) => (o.score > out[best]!.score ? i : best), 0);
    expect(top).toBe(200);
    expect(out[200]!.anomaly).toBe(true);
    expect(out.filter((o) => o.anomaly)).toHaveLength(1);
    expect(out.every((o) => o.score >= 0 && o.score <= 1)).toBe(true);
  });

  it('uses only the past: a point after the spike does not change earlier scores', () => {
    const values = noise(120).map((v) => 10 + v);
    const full = new RollingZScoreDetector();
    const a = values.map((v, i) => full.observe(i, v).score);
    const cut = new RollingZScoreDetector();
    const b = values.slice(0, 60).map((v, i) => cut.observe(i, v).score);
    expect(b).toEqual(a.slice(0, 60));
  });

  it('reports no anomaly in the probationary rows', () => {
    const d = new RollingZScoreDetector({ warmup: 2, window: 10, probationRows: 5 });
    const out = [1, 1.1, 0.9, 1, 50, 1, 1.05, 0.95, 1, 80].map((v, i) => d.observe(i, v));
    expect(out[4]!.score).toBe(1);
    expect(out[4]!.anomaly).toBe(false);
    expect(out[9]!.anomaly).toBe(true);
  });

  it('scores a constant series all zeros, and a change from a flat history 1', () => {
    const d = new RollingZScoreDetector({ warmup: 2 });
    expect([5, 5, 5, 5, 5].map((v, i) => d.observe(i, v).score)).toEqual([0, 0, 0, 0, 0]);
    expect(d.observe(5, 6).score).toBe(1);
  });

  it('keeps its sums exact over long streams far from zero', () => {
    const d = new RollingZScoreDetector({ window: 20 });
    const values = noise(5000).map((v) => 1e9 + v);
    let last = 0;
    for (const [i, v] of values.entries()) last = d.observe(i, v).score;
    const window = values.slice(-21, -1);
    const mean = window.reduce((a, b) => a + b, 0) / 20;
    const sd = Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / 19);
    expect(last).toBeCloseTo(scoreFromZ((values.at(-1)! - mean) / sd), 6);
  });

  it('refuses bad settings and non-finite values', () => {
    expect(() => new RollingZScoreDetector({ window: 1 })).toThrow('window must be a whole number ≥ 2');
    expect(() => new RollingZScoreDetector({ window: 5, warmup: 6 })).toThrow('warm-up must be a whole number from 2 to the window (5)');
    expect(() => new RollingZScoreDetector().observe(0, NaN)).toThrow('value NaN at row 0');
  });
});

describe('SeasonalNaiveForecaster', () => {
  it('forecasts t+h with the value one season earlier than the target', () => {
    const f = new SeasonalNaiveForecaster(1, 4);
    const series = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = series.map((v, i) => f.observe(i, v));
    // Before a season of history: the last value. Then y(t+1) = y(t−3).
    expect(out).toEqual([1, 2, 3, 1, 2, 3, 4, 5]);
  });

  it('reaches back whole seasons when the horizon is longer than one', () => {
    const f = new SeasonalNaiveForecaster(5, 4); // y(t+5) = y(t−3)
    const out = [10, 11, 12, 13, 14, 15].map((v, i) => f.observe(i, v));
    expect(out).toEqual([10, 11, 12, 10, 11, 12]);
  });

  it('is the naive last value with season 1', () => {
    const f = new SeasonalNaiveForecaster(3);
    expect([4, 2, 9].map((v, i) => f.observe(i, v))).toEqual([4, 2, 9]);
    expect(() => new SeasonalNaiveForecaster(0)).toThrow('horizon must be a whole number of steps ≥ 1');
    expect(() => new SeasonalNaiveForecaster(1, 1.5)).toThrow('season must be a whole number of steps ≥ 1');
  });
});
