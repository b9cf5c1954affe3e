// Online learning on a stream: after a level shift the model that keeps learning from the
// points it has seen forecasts better than the same model frozen after its probation.
import { beforeAll, describe, expect, it } from 'vitest';
import { LstmWindowModel } from '../../../src-main/ml/models/lstm-window-model.js';
import { runForecaster } from '../../../src-main/ml/streaming/drivers.js';
import { WindowModelForecaster } from '../../../src-main/ml/streaming/window-model.js';
import { sineSeries } from './models-series.js';
import { useWasmBackend } from './models-tf-setup.js';

beforeAll(useWasmBackend);

describe('online learning in a stream', () => {
  it('adapts to a level shift the probation never showed, from past points only', async () => {
    const rows = 800;
    const probation = 400;
    const timesMs = Float64Array.from({ length: rows }, (_, i) => i * 60_000);
    const values = sineSeries(rows, 24, 0.1);
    for (let t = 500; t < rows; t++) values[t] = values[t]! + 25; // amplitude 20
    const settings = { units: 8, epochs: 4, seed: 3 };
    const meanError = async (model: LstmWindowModel) => {
      const forecasts = await runForecaster(new WindowModelForecaster(model, 1), timesMs, values, probation);
      let sum = 0;
      for (let t = 650; t < rows - 1; t++) sum += Math.abs(forecasts[t]! - values[t + 1]!);
      return sum / (rows - 1 - 650);
    };
    const frozen = await meanError(new LstmWindowModel({ purpose: 'forecaster', horizon: 1, window: 24, settings }));
    const learning = new LstmWindowModel({ purpose: 'forecaster', horizon: 1, window: 24, settings, online: { every: 10, windows: 48 } });
    const online = await meanError(learning);
    expect(learning.learner!.steps).toBeGreaterThan(30);
    expect(learning.learner!.undone).toBe(0);
    learning.dispose();
    expect(online).toBeLessThan(0.5 * frozen);
  });
});
