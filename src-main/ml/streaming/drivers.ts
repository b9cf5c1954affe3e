// One pass over a series through a streaming detector or forecaster: the probationary rows
// are handed to `prepare` first, then every row goes to observe in time order.
import type { StreamingDetector, StreamingForecaster } from './interfaces.js';

export interface DetectionRun {
  scores: Float64Array;
  /** 0/1 per row. */
  anomalies: Uint8Array;
}

export async function runDetector(detector: StreamingDetector, timesMs: Float64Array, values: Float64Array, probationRows: number): Promise<DetectionRun> {
  await detector.prepare?.({ timesMs: timesMs.slice(0, probationRows), values: values.slice(0, probationRows) });
  const scores = new Float64Array(values.length);
  const anomalies = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const out = detector.observe(timesMs[i]!, values[i]!);
    if (!(out.score >= 0 && out.score <= 1)) throw new RangeError(`the detector gave score ${out.score} at row ${i}; scores must lie in [0, 1]`);
    scores[i] = out.score;
    anomalies[i] = out.anomaly && i >= probationRows ? 1 : 0;
  }
  return { scores, anomalies };
}

/** Per row t: the forecast of row t + horizon made at t (NaN where there is none). */
export async function runForecaster(forecaster: StreamingForecaster, timesMs: Float64Array, values: Float64Array, probationRows: number): Promise<Float64Array> {
  await forecaster.prepare?.({ timesMs: timesMs.slice(0, probationRows), values: values.slice(0, probationRows) });
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = forecaster.observe(timesMs[i]!, values[i]!) ?? NaN;
  return out;
}

/** Forecasts made at t lined up with the rows they are for (t + horizon): what the metrics compare. */
export function alignForecasts(forecastsMadeAt: Float64Array, horizon: number): Float64Array {
  const out = new Float64Array(forecastsMadeAt.length).fill(NaN);
  for (let i = 0; i + horizon < forecastsMadeAt.length; i++) out[i + horizon] = forecastsMadeAt[i]!;
  return out;
}
