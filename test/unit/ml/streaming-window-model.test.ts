// Window models plugged into the streaming interfaces with stand-in models (what an LSTM
// from ML-MODELS will be): fit sees only the probationary rows, the model reads normalised
// windows oldest first, detectors score prediction errors in [0, 1], forecasts come back in
// the series' units and are null until a window is full.
import { describe, expect, it } from 'vitest';
import { fitNormalisation } from '../../../src-main/ml/data/normalise.js';
import { runDetector, runForecaster } from '../../../src-main/ml/streaming/drivers.js';
import type { ProbationData } from '../../../src-main/ml/streaming/interfaces.js';
import { RollingWindow } from '../../../src-main/ml/streaming/rolling-window.js';
import { WindowModelDetector, WindowModelForecaster, type WindowModel } from '../../../src-main/ml/streaming/window-model.js';

/** Predicts the next value as the last one plus the last step (a linear extrapolation), zscore-normalised on what fit saw. */
function extrapolator(window: number, seen: { fit?: ProbationData; windows: number[][] }): WindowModel {
  return {
    window,
    fit: (p) => {
      seen.fit = p;
      return fitNormalisation('zscore', p.values);
    },
    predict: (w) => {
      seen.windows.push([...w]);
      return 2 * w[window - 1]! - w[window - 2]!;
    },
  };
}

const ramp = (n: number) => ({ timesMs: Float64Array.from({ length: n }, (_, i) => i * 1000), values: Float64Array.from({ length: n }, (_, i) => 5 + 2 * i + (i % 3) * 0.1) });

describe('RollingWindow', () => {
  it('reads the last values oldest first', () => {
    const w = new RollingWindow(3);
    [1, 2, 3, 4, 5].forEach((v) => w.push(v));
    const out = new Float32Array(3);
    w.copyTo(out, (v) => v * 10);
    expect([...out]).toEqual([30, 40, 50]);
    expect(() => new RollingWindow(2).copyTo(out)).toThrow('holds 0 of its 2 points');
  });
});

describe('WindowModelDetector', () => {
  it('fits on the probationary rows only and scores a break in the pattern highest', async () => {
    const { timesMs, values } = ramp(200);
    values[150] = values[150]! + 40;
    const seen: { fit?: ProbationData; windows: number[][] } = { windows: [] };
    const detector = new WindowModelDetector(extrapolator(4, seen), { probationRows: 30, errorWindow: 50 });
    const { scores, anomalies } = await runDetector(detector, timesMs, values, 30);
    expect(seen.fit!.values).toHaveLength(30);
    expect(scores.slice(0, 4).every((s) => s === 0)).toBe(true);
    expect(scores.indexOf(Math.max(...scores))).toBe(150);
    expect(anomalies[150]).toBe(1);
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    // The model saw normalised values: the first window is rows 0…3 scaled by the probation fit.
    const n = fitNormalisation('zscore', values.slice(0, 30));
    expect(seen.windows[0]![0]).toBeCloseTo((values[0]! - n.offset) / n.scale, 5);
  });
});

describe('WindowModelForecaster', () => {
  it('forecasts in the series units from full windows, null before', async () => {
    const { timesMs, values } = ramp(20);
    const forecaster = new WindowModelForecaster(extrapolator(3, { windows: [] }), 1);
    const made = await runForecaster(forecaster, timesMs, values, 10);
    expect(made[0]).toBeNaN();
    expect(made[1]).toBeNaN();
    // On row 5: 2·y5 − y4.
    expect(made[5]).toBeCloseTo(2 * values[5]! - values[4]!, 4);
  });
});
