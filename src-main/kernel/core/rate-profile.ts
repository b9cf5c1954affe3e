// Arrival rates over simulated time, from the contract's rate profiles, in requests per ms.
import type { RateProfile } from '../../../src-preload/contract/topology/index.js';

export interface RatePoint {
  tS: number;
  rps: number;
}

export interface RateFunction {
  /** Requests per millisecond at time t (ms). */
  at(tMs: number): number;
  /** An upper bound of `at` over all time (for thinning). */
  readonly max: number;
  /** True when `at` is the same everywhere (no thinning needed). */
  readonly constant: boolean;
}

const PER_MS = 1 / 1000;

export function compileRate(profile: RateProfile, series?: readonly RatePoint[]): RateFunction {
  switch (profile.type) {
    case 'constant': {
      const r = profile.rps * PER_MS;
      return { at: () => r, max: r, constant: true };
    }
    case 'diurnal': {
      // A cosine between base and peak, highest at peakHour of each period.
      const base = profile.baseRps * PER_MS;
      const amp = (profile.peakRps - profile.baseRps) * PER_MS;
      const periodMs = profile.periodS * 1000;
      const peakMs = (profile.peakHour / 24) * periodMs;
      return {
        at: (t) => base + (amp * (1 + Math.cos((2 * Math.PI * (t - peakMs)) / periodMs))) / 2,
        max: Math.max(profile.baseRps, profile.peakRps) * PER_MS,
        constant: false,
      };
    }
    case 'ramp': {
      const from = profile.fromRps * PER_MS;
      const to = profile.toRps * PER_MS;
      const start = profile.startS * 1000;
      const span = profile.durationS * 1000;
      return {
        at: (t) => (t < start ? from : t >= start + span ? to : from + ((to - from) * (t - start)) / span),
        max: Math.max(from, to),
        constant: false,
      };
    }
    case 'spike': {
      const base = profile.baseRps * PER_MS;
      const spike = profile.spikeRps * PER_MS;
      const from = profile.atS * 1000;
      const until = from + profile.durationS * 1000;
      return { at: (t) => (t >= from && t < until ? spike : base), max: Math.max(base, spike), constant: false };
    }
    case 'replay': {
      const points = profile.points ?? series;
      if (points === undefined || points.length === 0) {
        throw new Error(`the replay rate file ${profile.file ?? ''} was not given to the kernel: pass its points as options.rateSeries`);
      }
      return replay(points, profile.loop);
    }
  }
}

/** Held from each point until the next; 0 before the first. With loop, the series repeats,
 *  the last point held for one step (its distance from the previous point). */
function replay(points: readonly RatePoint[], loop: boolean): RateFunction {
  const sorted = [...points].sort((a, b) => a.tS - b.tS);
  const times = Float64Array.from(sorted, (p) => p.tS * 1000);
  const rates = Float64Array.from(sorted, (p) => p.rps * PER_MS);
  const n = times.length;
  const step = n > 1 ? times[n - 1]! - times[n - 2]! : 1000;
  const period = times[n - 1]! + step;
  const max = rates.reduce((a, b) => Math.max(a, b), 0);
  return {
    at(t) {
      let x = t;
      if (loop && x >= period) x %= period;
      if (x < times[0]!) return 0;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (times[mid]! <= x) lo = mid;
        else hi = mid - 1;
      }
      return rates[lo]!;
    },
    max,
    constant: false,
  };
}
