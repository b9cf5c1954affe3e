// The LSTM models in ML-DATA's streaming drivers: trained on the probationary rows only,
// then every point through the kernel's plain-JS pass.
import { beforeAll, describe, expect, it } from 'vitest';
import { GbtWindowModel } from '../../../src-main/ml/models/gbt/gbt-window-model.js';
import { LstmWindowModel } from '../../../src-main/ml/models/lstm-window-model.js';
import { runDetector, runForecaster } from '../../../src-main/ml/streaming/drivers.js';
import { WindowModelDetector, WindowModelForecaster } from '../../../src-main/ml/streaming/window-model.js';
import { sineSeries } from './models-series.js';
import { useWasmBackend } from './models-tf-setup.js';

beforeAll(useWasmBackend);

const rows = 1200;
const probation = 600;
const timesMs = Float64Array.from({ length: rows }, (_, i) => i * 60_000);

describe('LSTM window models in the streaming drivers', () => {
  it('forecasts h steps ahead from rows up to t only, well below the series amplitude', async () => {
    const values = sineSeries(rows, 24, 0.1);
    const model = new LstmWindowModel({ purpose: 'forecaster', horizon: 3, window: 24, settings: { units: 8, epochs: 5 }, origin: 'sine.csv' });
    const forecasts = await runForecaster(new WindowModelForecaster(model, 3), timesMs, values, probation);
    expect(model.artefact?.dataset).toMatchObject({ origin: 'sine.csv', stepMs: 60_000, horizon: 3, train: { count: 480 }, validation: { count: 120 } });
    expect(Number.isNaN(forecasts[22])).toBe(true); // no full window yet
    let absError = 0;
    for (let t = 800; t < 1100; t++) absError += Math.abs(forecasts[t]! - values[t + 3]!);
    expect(absError / 300).toBeLessThan(5); // amplitude 20
  });

  it('as a detector, flags an injected spike after the probation and little else', async () => {
    const values = sineSeries(rows, 24, 0.1);
    for (let t = 900; t < 903; t++) values[t] = values[t]! + 60;
    const model = new LstmWindowModel({ purpose: 'detector', horizon: 1, window: 24, settings: { units: 8, epochs: 5 } });
    const { anomalies } = await runDetector(new WindowModelDetector(model, { probationRows: probation }), timesMs, values, probation);
    expect(anomalies[900]).toBe(1);
    const falseAlarms = anomalies.reduce((sum, a, t) => sum + (a && (t < 900 || t > 930) ? 1 : 0), 0);
    expect(falseAlarms).toBeLessThan(6); // of 570 normal scored rows
  });

  it('gradient-boosted trees forecast the same way, trained on the probation only', async () => {
    const values = sineSeries(rows, 24, 0.1);
    const model = new GbtWindowModel({ horizon: 2, settings: { rounds: 60 } });
    const forecasts = await runForecaster(new WindowModelForecaster(model, 2), timesMs, values, probation);
    expect(model.artefact?.dataset.train.count).toBe(480);
    let absError = 0;
    for (let t = 800; t < 1100; t++) absError += Math.abs(forecasts[t]! - values[t + 2]!);
    expect(absError / 300).toBeLessThan(5);
  });

  it('refuses a constant probation with the data layer\'s message', async () => {
    const model = new LstmWindowModel({ purpose: 'forecaster', horizon: 1, window: 8 });
    await expect(model.fit({ timesMs: timesMs.slice(0, 100), values: new Float64Array(100).fill(3) })).rejects.toThrow(/the probationary rows is constant/);
  });
});
