// A compressed day for the predictive and learned policy tests: one "day" is an hour of
// simulated time (the diurnal profile's period, and the seasonal forecaster's season), base
// 20 requests/s at the start of each day, peak 200/s at its middle. One replica serves 20/s
// (exponential 50 ms, one at a time); at the 50 % target it is counted for 10/s.
import type { RunEvent } from '../../../src-main/kernel/core/records.js';
import { createRun, type RunOptions } from '../../../src-main/kernel/index.js';
import type { Scaling } from '../../../src-preload/contract/index.js';
import { topology } from './helpers/documents.js';

export const DAY_S = 3600;
export const BASE_RPS = 20;
export const PEAK_RPS = 200;
/** Requests/s one replica is counted for at the target utilisation. */
export const RPS_PER_REPLICA = 10;

export type ScalingInput = Partial<Scaling> & { policy: Scaling['policy'] };

export const reactiveFields = { minReplicas: 2, maxReplicas: 30, targetCpuPercent: 50, syncPeriodS: 15, scaleDownStabilizationS: 300 };

export function dailyDoc(scaling: ScalingInput) {
  return topology(
    {
      src: { kind: 'traffic-source', rate: { type: 'diurnal', baseRps: BASE_RPS, peakRps: PEAK_RPS, peakHour: 12, periodS: DAY_S } },
      api: { kind: 'container', replicas: 2, startupS: 30, queueCapacity: 5000, serviceTime: { default: { type: 'exponential', meanMs: 50 } }, scaling: scaling as Scaling },
    },
    [{ type: 'call', from: 'src', to: 'api', latencyMs: 0 }],
  );
}

/** The rate of the compressed day at tS seconds (as rate-profile.ts computes it). */
export function rateAt(tS: number): number {
  return BASE_RPS + ((PEAK_RPS - BASE_RPS) * (1 + Math.cos((2 * Math.PI * (tS - DAY_S / 2)) / DAY_S))) / 2;
}

export function runEvents(doc: ReturnType<typeof dailyDoc>, options: RunOptions): RunEvent[] {
  const r = createRun(doc, { recordSeries: false, seed: 11, forecastSeasonS: DAY_S, ...options });
  const events: RunEvent[] = [];
  while (r.advance({ untilMs: r.now + 600_000 }) === 'running') events.push(...r.drain().events);
  events.push(...r.drain().events);
  return events;
}

/** The replicas asked for at tMs, from the 'scaled' events (starting from `initial`). */
export function replicasAt(events: readonly RunEvent[], tMs: number, initial = 2): number {
  let n = initial;
  for (const e of events) if (e.type === 'scaled' && e.tMs <= tMs) n = e.data!.to as number;
  return n;
}

/** The first time in [fromMs, toMs) at which the replicas asked for reach `count`; Infinity: never. */
export function firstReach(events: readonly RunEvent[], count: number, fromMs: number, toMs: number): number {
  if (replicasAt(events, fromMs) >= count) return fromMs;
  const hit = events.find((e) => e.type === 'scaled' && e.tMs >= fromMs && e.tMs < toMs && (e.data!.to as number) >= count);
  return hit?.tMs ?? Infinity;
}
