// The predictive policy in runs of a compressed day (predictive-helpers.ts): the first day
// gathers history and scales as the HPA; on the second the seasonal-naive forecast brings
// the replicas up before the daily peak while the HPA lags behind the traffic, and scale-in
// still comes only from the reactive part.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src-main/kernel/core/records.js';
import type { KernelForecaster } from '../../../src-main/kernel/index.js';
import { DAY_S, dailyDoc, firstReach, rateAt, reactiveFields, replicasAt, RPS_PER_REPLICA, runEvents } from './predictive-helpers.js';

const scaledOnly = (events: readonly RunEvent[], fromMs: number, toMs: number) =>
  events.filter((e) => e.type === 'scaled' && e.tMs >= fromMs && e.tMs < toMs).map((e) => ({ tMs: e.tMs, from: e.data!.from, to: e.data!.to }));

/** Seconds into the day at which the traffic first needs `replicas` at the target. */
function trafficNeeds(replicas: number): number {
  let t = 0;
  while (rateAt(t) < replicas * RPS_PER_REPLICA) t += 1;
  return t;
}

describe('predictive scaling over two compressed days', () => {
  let hpa: RunEvent[];
  let predictive: RunEvent[];
  const day2 = DAY_S * 1000;

  beforeAll(() => {
    hpa = runEvents(dailyDoc({ policy: 'hpa', ...reactiveFields }), { durationS: 2 * DAY_S });
    predictive = runEvents(dailyDoc({ policy: 'predictive', ...reactiveFields, bufferS: 300 }), { durationS: 2 * DAY_S });
  });

  it('scales out ahead of the daily peak on the forecast, while the HPA lags behind the traffic', () => {
    for (const replicas of [8, 12, 16]) {
      const needAt = day2 + trafficNeeds(replicas) * 1000;
      const ahead = firstReach(predictive, replicas, day2, 2 * day2);
      const lagging = firstReach(hpa, replicas, day2, 2 * day2);
      // The forecast asks for them at least a minute before the traffic needs them (the buffer
      // is 5 minutes); the HPA only once the load is there (give or take one sync's noise).
      expect(ahead, `predictive reaching ${replicas}`).toBeLessThanOrEqual(needAt - 60_000);
      expect(lagging, `HPA reaching ${replicas}`).toBeGreaterThanOrEqual(needAt - 15_000);
      expect(lagging - ahead, `lead over the HPA at ${replicas}`).toBeGreaterThanOrEqual(180_000);
    }
    const ups = predictive.filter((e) => e.type === 'scaled' && e.tMs >= day2 && (e.data!.to as number) > (e.data!.from as number));
    expect(ups.filter((e) => e.data!.source === 'forecast').length).toBeGreaterThan(ups.length / 2);
    expect(ups.find((e) => e.data!.source === 'forecast')!.message).toMatch(/forecast: [\d.]+ requests\/s expected within the buffer need \d+; the HPA asked for \d+/);
  });

  it('never scales in on the forecast: every scale-in is the reactive part, and none goes below the HPA', () => {
    const downs = predictive.filter((e) => e.type === 'scaled' && (e.data!.to as number) < (e.data!.from as number));
    expect(downs.length).toBeGreaterThan(0);
    for (const e of downs) {
      expect(e.data!.source).toBe('reactive');
      const reactiveReplicas = (e.data!.reactiveReplicas as number | undefined) ?? (e.data!.to as number);
      expect(e.data!.to as number).toBeGreaterThanOrEqual(reactiveReplicas);
    }
  });

  it('the reactive part still scales in after the peak', () => {
    const peak = Math.max(...predictive.filter((e) => e.type === 'scaled' && e.tMs >= day2).map((e) => e.data!.to as number));
    expect(peak).toBeGreaterThanOrEqual(18);
    expect(replicasAt(predictive, 2 * day2)).toBeLessThanOrEqual(peak / 2);
    expect(predictive.some((e) => e.type === 'scaled' && e.tMs > day2 + (DAY_S / 2) * 1000 && e.data!.source === 'reactive' && (e.data!.to as number) < (e.data!.from as number))).toBe(true);
  });

  it('behaves exactly as the HPA until it has a day of history, and says so once', () => {
    expect(scaledOnly(predictive, 0, day2)).toEqual(scaledOnly(hpa, 0, day2));
    const notes = predictive.filter((e) => e.type === 'scaling-policy');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toBe('api: predictive scaling is reactive (the HPA) until seasonal naive (1 h) has its history (60 more steps)');
    expect(predictive.filter((e) => e.data?.source === 'forecast').every((e) => e.tMs >= day2)).toBe(true);
  });
});

describe('predictive scaling with a forecasting model', () => {
  // A stand-in for an ML model: steps of a minute, a 10-step window, always 150 requests/s.
  const oracle: KernelForecaster = { name: 'oracle', stepMs: 60_000, window: 10, forecast: () => 0 };

  it('uses the named model from the run options once it has its window', () => {
    const lengths: number[] = [];
    const model: KernelForecaster = {
      ...oracle,
      forecast: (history) => {
        lengths.push(history.length);
        return 150;
      },
    };
    const events = runEvents(dailyDoc({ policy: 'predictive', ...reactiveFields, bufferS: 120, model: 'load-forecast' }), {
      durationS: 900,
      models: { 'load-forecast': { type: 'forecaster', forecaster: model } },
    });
    expect(lengths.length).toBeGreaterThan(0);
    expect(new Set(lengths)).toEqual(new Set([10]));
    expect(events.find((e) => e.type === 'scaling-policy')!.message).toMatch(/until oracle has its history \(10 more steps\)/);
    // 150 requests/s at about 10 per replica (the measured service time is near 50 ms): 15 or
    // 16 replicas from the forecast, once the 10-minute window is full.
    const first = events.find((e) => e.data?.source === 'forecast')!;
    expect(first.tMs).toBeGreaterThanOrEqual(600_000);
    expect(first.data!.to).toBeGreaterThanOrEqual(15);
    expect(first.data!.to).toBeLessThanOrEqual(16);
    expect(first.data!.forecastRps).toBe(150);
  });

  it('falls back to seasonal naive, with a warning, when the run lacks the named model', () => {
    const events = runEvents(dailyDoc({ policy: 'predictive', ...reactiveFields, model: 'missing' }), { durationS: 60 });
    expect(events.filter((e) => e.type === 'scaling-policy').map((e) => e.message)).toEqual([
      'api: forecasting model "missing" was not given to the run; the seasonal-naive baseline forecasts instead',
      'api: predictive scaling is reactive (the HPA) until seasonal naive (1 h) has its history (60 more steps)',
    ]);
  });
});
