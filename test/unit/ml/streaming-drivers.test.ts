// The streaming drivers: prepare sees only the probationary rows, observe every row in order,
// anomalies are never reported during probation, forecasts line up with the rows they are for.
import { describe, expect, it } from 'vitest';
import { alignForecasts, runDetector, runForecaster } from '../../../src-main/ml/streaming/drivers.js';
import type { ProbationData, StreamingDetector, StreamingForecaster } from '../../../src-main/ml/streaming/interfaces.js';
import { DEFAULT_PROBATION, probationRows } from '../../../src-main/ml/streaming/probation.js';
import { detectorNamed, forecasterNamed } from '../../../src-main/ml/streaming/registry.js';

const series = (n: number) => ({ timesMs: Float64Array.from({ length: n }, (_, i) => i * 1000), values: Float64Array.from({ length: n }, (_, i) => i) });

describe('probationRows', () => {
  it('is ceil(15 %) of the rows by default, at least one', () => {
    expect(DEFAULT_PROBATION).toBe(0.15);
    expect(probationRows(100)).toBe(15);
    expect(probationRows(101)).toBe(16);
    expect(probationRows(3)).toBe(1);
    expect(() => probationRows(10, 1)).toThrow('between 0 and 1');
  });
});

describe('runDetector', () => {
  it('hands prepare only the probationary rows and masks anomalies there', async () => {
    let prepared: ProbationData | undefined;
    const seen: number[] = [];
    const alwaysAnomalous: StreamingDetector = {
      prepare: async (p) => {
        prepared = p;
      },
      observe: (_t, v) => {
        seen.push(v);
        return { score: 1, anomaly: true };
      },
    };
    const { timesMs, values } = series(10);
    const out = await runDetector(alwaysAnomalous, timesMs, values, 3);
    expect([...prepared!.values]).toEqual([0, 1, 2]);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...out.anomalies]).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('refuses a score outside [0, 1]', async () => {
    const broken: StreamingDetector = { observe: () => ({ score: 1.5, anomaly: false }) };
    const { timesMs, values } = series(2);
    await expect(runDetector(broken, timesMs, values, 1)).rejects.toThrow('score 1.5 at row 0');
  });
});

describe('runForecaster', () => {
  it('keeps each forecast on the row it was made at, and aligns them on their targets', async () => {
    const { timesMs, values } = series(5);
    const lateStarter: StreamingForecaster = { horizon: 2, observe: (_t, v) => (v < 2 ? null : v * 10) };
    const made = await runForecaster(lateStarter, timesMs, values, 1);
    expect([...made]).toEqual([NaN, NaN, 20, 30, 40]);
    expect([...alignForecasts(made, 2)]).toEqual([NaN, NaN, NaN, NaN, 20]);
  });
});

describe('registry', () => {
  it('makes the baselines by name and lists the names when one is unknown', () => {
    expect(detectorNamed('zscore', { probationRows: 5, parameters: { window: 30 } })).toMatchObject({ window: 30 });
    expect(forecasterNamed('seasonal-naive', { horizon: 2, season: 24, probationRows: 5 })).toMatchObject({ horizon: 2, season: 24 });
    expect(() => detectorNamed('lstm9', { probationRows: 1 })).toThrow('there is no detector "lstm9" (detectors: zscore, lstm)');
    expect(() => forecasterNamed('arima', { horizon: 1, season: 1, probationRows: 1 })).toThrow('there is no forecaster "arima"');
  });
});
