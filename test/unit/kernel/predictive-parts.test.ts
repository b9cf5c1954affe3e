// The predictive policy's parts on their own: the seasonal-naive forecaster, the arrival
// history, the replicas a rate needs, and the decision rule (a floor, never a scale-in).
import { describe, expect, it } from 'vitest';
import { replicasForRate } from '../../../src-main/kernel/core/predictive-capacity.js';
import { ArrivalHistory } from '../../../src-main/kernel/core/predictive-history.js';
import { PredictiveScaler } from '../../../src-main/kernel/core/predictive-scaler.js';
import { seasonalNaive, type KernelForecaster } from '../../../src-main/kernel/index.js';

describe('seasonal naive', () => {
  it('forecasts the value one season before the time forecast', () => {
    const f = seasonalNaive(240, 60_000); // a season of 4 one-minute steps
    expect(f.window).toBe(4);
    expect(f.name).toBe('seasonal naive (240 s)');
    const history = Float64Array.from([1, 2, 3, 4, 5, 6]); // last step: 6
    expect(f.forecast(history, 1)).toBe(3); // step 7 = step 3
    expect(f.forecast(history, 4)).toBe(6);
    expect(f.forecast(history, 5)).toBe(3); // two seasons back
    expect(seasonalNaive(86_400, 60_000).name).toBe('seasonal naive (24 h)');
    expect(() => seasonalNaive(0, 1)).toThrow(/must be positive/);
  });
});

describe('arrival history', () => {
  it('turns lifetime arrivals at syncs into a rate per closed step, keeping the newest', () => {
    const h = new ArrivalHistory(60_000, 3);
    let total = 0;
    for (let t = 15_000; t <= 300_000; t += 15_000) {
      total += 15 * Math.ceil(t / 60_000); // minute m brings 60·m arrivals: m per second
      h.record(t, total);
    }
    expect(h.closed).toBe(5);
    expect(h.length).toBe(3);
    expect([...h.values()]).toEqual([3, 4, 5]);
  });
});

describe('replicas for a rate', () => {
  it('fills each replica to the target utilisation', () => {
    // 50 ms per request, 2 at once, 50 %: 20 requests/s per replica.
    expect(replicasForRate(100, 50, 2, 50)).toBe(5);
    expect(replicasForRate(101, 50, 2, 50)).toBe(6);
    expect(replicasForRate(0, 50, 2, 50)).toBe(0);
  });
});

describe('the predictive decision', () => {
  const constant = (rps: number): KernelForecaster => ({ name: `${rps}/s`, stepMs: 15_000, window: 1, forecast: () => rps });
  const scaler = (rps: number) => new PredictiveScaler({ forecaster: constant(rps), bufferMs: 60_000, concurrency: 1, targetCpuPercent: 50, maxReplicas: 20 });
  // With 100 ms per request at 50 %, one replica is counted for 5 requests/s.
  const input = (nowMs: number, current: number, reactive: number) => ({ nowMs, currentReplicas: current, reactiveReplicas: reactive, lifetimeArrivals: nowMs / 10, serviceMs: 100 });

  it('is the reactive count until the forecaster has its window', () => {
    const s = scaler(100);
    expect(s.decide(input(10_000, 3, 3))).toEqual({ replicas: 3, source: 'warming-up', forecastRps: null, neededReplicas: null });
    expect(s.stepsMissing).toBe(1);
  });

  it('raises the count to what the forecast needs, clamped to the maximum', () => {
    const s = scaler(40);
    s.decide(input(15_000, 3, 3));
    expect(s.decide(input(30_000, 3, 3))).toEqual({ replicas: 8, source: 'forecast', forecastRps: 40, neededReplicas: 8 });
    const big = scaler(1000);
    big.decide(input(15_000, 3, 3));
    expect(big.decide(input(30_000, 3, 3)).replicas).toBe(20);
  });

  it('never scales in on a low forecast: with the HPA holding, the count holds', () => {
    const s = scaler(1);
    s.decide(input(15_000, 12, 12));
    expect(s.decide(input(30_000, 12, 12))).toEqual({ replicas: 12, source: 'reactive', forecastRps: 1, neededReplicas: 1 });
  });

  it('lets the HPA scale in, down to what the forecast still needs', () => {
    const s = scaler(30);
    s.decide(input(15_000, 12, 12));
    expect(s.decide(input(30_000, 12, 4))).toEqual({ replicas: 6, source: 'reactive', forecastRps: 30, neededReplicas: 6 });
    const low = scaler(5);
    low.decide(input(15_000, 12, 12));
    expect(low.decide(input(30_000, 12, 4)).replicas).toBe(4);
  });
});
