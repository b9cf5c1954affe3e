// Detection and forecast metrics on hand-checked cases: point-wise and event-wise precision,
// recall, F1 and delay; MAE, MAPE skipping zeros, MASE against seasonal naive; the threshold.
import { describe, expect, it } from 'vitest';
import { episodesOf } from '../../../src-main/ml/data/episodes.js';
import { eventWiseScores } from '../../../src-main/ml/metrics/event-wise.js';
import { forecastErrors, mase, seasonalNaiveScale } from '../../../src-main/ml/metrics/forecast-errors.js';
import { pointWiseScores } from '../../../src-main/ml/metrics/point-wise.js';
import { chooseThreshold, quantile } from '../../../src-main/ml/metrics/threshold.js';

const times = (n: number) => Float64Array.from({ length: n }, (_, i) => i * 1000);

describe('point-wise scores', () => {
  it('counts flags against labels', () => {
    const s = pointWiseScores([1, 1, 0, 0, 1, 0], [1, 0, 1, 0, 1, 1]);
    expect(s).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 2 });
    expect(s.precision).toBeCloseTo(2 / 3, 12);
    expect(s.recall).toBeCloseTo(0.5, 12);
    expect(s.f1).toBeCloseTo(4 / 7, 12);
  });
});

describe('event-wise scores', () => {
  //             0  1  2  3  4  5  6  7  8  9 10 11
  const labels = [0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0];
  const episodes = episodesOf(labels, times(12));

  it('counts an episode once when any point in it is flagged, and each flagged run outside as one false positive', () => {
    const flags = [1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1];
    const s = eventWiseScores(flags, episodes, times(12));
    expect(s).toMatchObject({ episodes: 2, detected: 1, truePositives: 1, falsePositives: 3, falseNegatives: 1, delaysSteps: [2], meanDelaySteps: 2, meanDelayMs: 2000 });
    expect(s.precision).toBe(0.25); // runs 0–1, 6–7 and 11
    expect(s.f1).toBeCloseTo(1 / 3, 12);
  });

  it('counts a flag within the tolerance after an episode start as a detection, not a false alarm', () => {
    const flags = new Uint8Array(12);
    flags[10] = 1; // two steps after the second episode's start (8), just past its end
    expect(eventWiseScores(flags, episodes, times(12), 0)).toMatchObject({ detected: 0, falsePositives: 1 });
    expect(eventWiseScores(flags, episodes, times(12), 2)).toMatchObject({ detected: 1, falsePositives: 0, delaysSteps: [2] });
  });

  it('gives NaN delay when nothing was detected', () => {
    expect(eventWiseScores(new Uint8Array(12), episodes, times(12)).meanDelaySteps).toBeNaN();
  });
});

describe('forecast errors', () => {
  it('MAE over points with a forecast, MAPE skipping zero actuals and saying how many', () => {
    const e = forecastErrors([10, 0, 20, 5], [12, 1, 15, NaN]);
    expect(e.count).toBe(3);
    expect(e.mae).toBeCloseTo((2 + 1 + 5) / 3, 12);
    expect(e.mape).toBeCloseTo((100 * (0.2 + 0.25)) / 2, 12);
    expect(e.mapeSkippedZeros).toBe(1);
  });

  it('MASE scales by the in-sample seasonal naive error of the training part (Hyndman & Koehler)', () => {
    const train = [1, 2, 3, 1, 2, 4]; // season 3: |1-1| + |2-2| + |4-3| over 3 = 1/3
    expect(seasonalNaiveScale(train, 3)).toBeCloseTo(1 / 3, 12);
    expect(mase([5, 6], [5.5, 6.5], train, 3)).toBeCloseTo(0.5 / (1 / 3), 12);
    expect(() => mase([1], [1], [1, 2, 1, 2], 2)).toThrow('the scale is 0');
    expect(() => seasonalNaiveScale([1, 2], 2)).toThrow('needs more than one season (2 steps) of training data; 2 points given');
  });
});

describe('threshold', () => {
  it('with labels: the validation score that maximises F1', () => {
    const scores = [0.1, 0.2, 0.95, 0.9, 0.3, 0.85];
    const labels = [0, 0, 1, 1, 0, 0];
    expect(chooseThreshold(scores, labels)).toMatchObject({ threshold: 0.9, f1: 1 });
  });

  it('without labels: the 99.5th percentile of the validation scores', () => {
    const scores = Array.from({ length: 201 }, (_, i) => i / 200);
    expect(chooseThreshold(scores).threshold).toBeCloseTo(0.995, 12);
    expect(quantile([3, 1, 2], 1)).toBe(3);
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
  });
});
