// The kernel's model functions without tfjs: windows from history, rolling forecasts,
// tree ensembles and the anomaly score's calibration.
import { describe, expect, it } from 'vitest';
import {
  calibrateErrors,
  forecastStepsAhead,
  makeNetworkForecaster,
  normalisedWindow,
  predictTrees,
  scoreFromError,
  type KernelNetwork,
  type TreeEnsembleWeights,
} from '../../../src-main/kernel/ml/index.js';

const n = { method: 'zscore' as const, offset: 10, scale: 2 };

describe('kernel model functions', () => {
  it('takes the last `window` points, normalised, and pads a short history with its first point', () => {
    expect(Array.from(normalisedWindow([10, 12, 14, 16], 3, n))).toEqual([1, 2, 3]);
    expect(Array.from(normalisedWindow([12, 14], 4, n))).toEqual([1, 1, 1, 2]);
    expect(() => normalisedWindow([], 4, n)).toThrow('a forecast needs at least one point of history');
  });

  it('a network forecaster works in series units: Dense(1) averaging the window', () => {
    const network: KernelNetwork = { layers: [{ kind: 'dense', inputDim: 4, units: 1, kernel: new Float32Array([0.25, 0.25, 0.25, 0.25]), bias: new Float32Array([0]), activation: 'linear' }] };
    const forecast = makeNetworkForecaster({ network, window: 4, normalisation: n });
    expect(forecast([0, 10, 12, 14, 16])).toBeCloseTo(13, 10);
  });

  it('rolls a one-step model forward for several steps, and answers a direct model with its own horizon', () => {
    const lastPlusOne = (history: ArrayLike<number>) => history[history.length - 1]! + 1;
    expect(forecastStepsAhead(lastPlusOne, 1, [5], 4)).toBe(9);
    expect(forecastStepsAhead(lastPlusOne, 6, [5], 4)).toBe(6);
  });

  it('walks each tree to a leaf and adds base + learning rate × leaves', () => {
    // feature 0 <= 1.5 ? 10 : (feature 1 <= 0 ? 20 : 30)
    const tree = { feature: [0, -1, 1, -1, -1], threshold: [1.5, 0, 0, 0, 0], left: [1, -1, 3, -1, -1], right: [2, -1, 4, -1, -1], value: [0, 10, 0, 20, 30] };
    const ensemble: TreeEnsembleWeights = { base: 1, learningRate: 0.5, trees: [tree, tree] };
    expect(predictTrees(ensemble, [1, 5])).toBe(11);
    expect(predictTrees(ensemble, [2, -1])).toBe(21);
    expect(predictTrees(ensemble, [2, 1])).toBe(31);
  });

  it('calibrates errors robustly: a typical error scores low, six robust sigmas high, within [0, 1]', () => {
    const errors = Array.from({ length: 101 }, (_, i) => i / 100); // uniform 0..1, median 0.5, MAD 0.25
    const calibration = calibrateErrors([...errors, 1000]); // one outlier of 102 barely moves it
    expect(calibration.errorCentre).toBeCloseTo(0.505, 10);
    expect(calibration.errorSpread).toBeCloseTo(1.4826 * 0.255, 10);
    const { errorCentre: centre, errorSpread: spread } = calibration;
    expect(scoreFromError(centre, calibration)).toBeCloseTo(1 / (1 + Math.exp(3)), 10);
    expect(scoreFromError(centre + 3 * spread, calibration)).toBeCloseTo(0.5, 10);
    expect(scoreFromError(-(centre + 6 * spread), calibration)).toBeGreaterThan(0.95);
    expect(scoreFromError(NaN, calibration)).toBe(1);
    expect(() => calibrateErrors([NaN])).toThrow('calibration needs at least one finite validation error');
  });
});
