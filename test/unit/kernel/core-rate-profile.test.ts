// Rate profiles and the arrivals they produce: Poisson by thinning follows time-varying rates,
// deterministic arrivals are evenly spaced, replay holds points and loops.
import { describe, expect, it } from 'vitest';
import { createStream } from '../../../src-main/kernel/engine/index.js';
import { compileRate } from '../../../src-main/kernel/core/rate-profile.js';
import { TrafficSource } from '../../../src-main/kernel/core/source.js';

const rps = (f: { at(t: number): number }, tS: number) => f.at(tS * 1000) * 1000;

/** Arrivals of a source in [0, endS), counted per second-bucket of width `binS`. */
function arrivals(profile: Parameters<typeof compileRate>[0], endS: number, binS: number, poisson = true): number[] {
  const src = new TrafficSource(compileRate(profile), poisson, [1], createStream(1, 'a'), createStream(1, 'c'));
  const bins = new Array<number>(Math.ceil(endS / binS)).fill(0);
  for (let t = src.next(0, endS * 1000); t < Infinity; t = src.next(t, endS * 1000)) bins[Math.floor(t / 1000 / binS)]!++;
  return bins;
}

describe('rate profiles', () => {
  it('gives each profile its rate over time', () => {
    expect(rps(compileRate({ type: 'constant', rps: 8 }), 123)).toBeCloseTo(8, 12);
    const ramp = compileRate({ type: 'ramp', fromRps: 50, toRps: 300, startS: 300, durationS: 1800 });
    expect([rps(ramp, 0), rps(ramp, 300), rps(ramp, 1200), rps(ramp, 2100), rps(ramp, 9999)].map((x) => Math.round(x * 1e6) / 1e6)).toEqual([50, 50, 175, 300, 300]);
    expect(ramp.max * 1000).toBe(300);
    const spike = compileRate({ type: 'spike', baseRps: 10, spikeRps: 100, atS: 60, durationS: 30 });
    expect([59.999, 60, 89.999, 90].map((t) => Math.round(rps(spike, t)))).toEqual([10, 100, 100, 10]);
    const diurnal = compileRate({ type: 'diurnal', baseRps: 20, peakRps: 200, peakHour: 14, periodS: 86_400 });
    expect(rps(diurnal, 14 * 3600)).toBeCloseTo(200, 9);
    expect(rps(diurnal, 2 * 3600)).toBeCloseTo(20, 9);
    expect(rps(diurnal, 8 * 3600)).toBeCloseTo(110, 9);
  });

  it('replays points held until the next one, 0 before the first, and loops with the last point held one step', () => {
    const r = compileRate({ type: 'replay', points: [{ tS: 10, rps: 5 }, { tS: 0, rps: 1 }, { tS: 20, rps: 9 }], loop: true });
    expect([0, 9.9, 10, 19.9, 20, 29.9, 30, 40].map((t) => Math.round(rps(r, t)))).toEqual([1, 1, 5, 5, 9, 9, 1, 5]);
    const once = compileRate({ type: 'replay', points: [{ tS: 5, rps: 2 }], loop: false });
    expect([0, 5, 1e6].map((t) => rps(once, t))).toEqual([0, 2, 2]);
    expect(() => compileRate({ type: 'replay', file: 'rates.csv', loop: false })).toThrow(/rates\.csv.*rateSeries/);
  });
});

describe('traffic source arrivals', () => {
  it('Poisson thinning follows a spike: counts per 10 s window match the rate (±4 standard deviations)', () => {
    const bins = arrivals({ type: 'spike', baseRps: 50, spikeRps: 500, atS: 100, durationS: 50 }, 200, 10);
    bins.forEach((count, i) => {
      const expected = (i >= 10 && i < 15 ? 500 : 50) * 10;
      expect(Math.abs(count - expected)).toBeLessThan(4 * Math.sqrt(expected));
    });
  });

  it('Poisson thinning follows a ramp', () => {
    const bins = arrivals({ type: 'ramp', fromRps: 0, toRps: 400, startS: 0, durationS: 100 }, 100, 10);
    bins.forEach((count, i) => {
      const expected = ((i * 10 + 5) / 100) * 400 * 10; // the mean rate over the window
      expect(Math.abs(count - expected)).toBeLessThan(4 * Math.sqrt(expected));
    });
  });

  it('Poisson inter-arrival times at a constant rate have mean and standard deviation 1/λ', () => {
    const src = new TrafficSource(compileRate({ type: 'constant', rps: 100 }), true, [1], createStream(2, 'a'), createStream(2, 'c'));
    const gaps: number[] = [];
    for (let t = 0, n = 0; n < 100_000; n++) {
      const next = src.next(t, Infinity);
      gaps.push(next - t);
      t = next;
    }
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / (gaps.length - 1));
    expect(Math.abs(mean - 10)).toBeLessThan((4 * 10) / Math.sqrt(gaps.length));
    expect(Math.abs(sd - 10)).toBeLessThan(0.2);
  });

  it('deterministic arrivals are evenly spaced at 1/rate and skip periods of zero rate', () => {
    const src = new TrafficSource(compileRate({ type: 'constant', rps: 4 }), false, [1], createStream(1, 'a'), createStream(1, 'c'));
    expect(src.next(0, 1e6)).toBe(250);
    expect(src.next(250, 1e6)).toBe(500);
    const replay = new TrafficSource(compileRate({ type: 'replay', points: [{ tS: 10, rps: 2 }], loop: false }), false, [1], createStream(1, 'a'), createStream(1, 'c'));
    expect(replay.next(0, 1e6)).toBe(10_500);
    expect(replay.next(0, 5000)).toBe(Infinity);
  });

  it('picks classes in proportion to their weights and never one of weight 0', () => {
    const src = new TrafficSource(compileRate({ type: 'constant', rps: 1 }), true, [9, 0, 1], createStream(1, 'a'), createStream(1, 'c'));
    const counts = [0, 0, 0];
    for (let i = 0; i < 100_000; i++) counts[src.pickClass()]!++;
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[2]! / 100_000 - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / 100_000));
  });
});
