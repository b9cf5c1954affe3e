// network-bandwidth: calls into the target share a link of rateMbps, each moving payloadKiB,
// first come first served. With Poisson calls the link is an M/D/1 queue, so the time a call
// adds is Pollaczek–Khinchine's W = s + λs²/(2(1−ρ)) with s = payload / rate.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src-main/kernel/index.js';
import type { TopologyInput } from '../../../src-preload/contract/index.js';
import { interval99 } from './helpers/batch-means.js';
import { topology } from './helpers/documents.js';
import { mg1 } from './helpers/theory.js';

// 50 calls/s into a node that answers in 1 ms, never queueing (100 at once).
const nodes: TopologyInput['nodes'] = {
  src: { kind: 'traffic-source', rate: { type: 'constant', rps: 50 }, arrivals: 'poisson' },
  api: { kind: 'container', concurrency: 100, serviceTime: { default: { type: 'constant', valueMs: 1 } } },
};
const links: TopologyInput['links'] = [{ type: 'call', from: 'src', to: 'api', latencyMs: 0 }];
// 8 Mbit/s = 1,000 bytes per ms; 10 KiB a call: s = 10.24 ms on the link, ρ = 0.512.
const shaped = { type: 'network-bandwidth' as const, at: 0, target: 'api', rateMbps: 8, payloadKiB: 10 };

describe('network-bandwidth', () => {
  it('the link is an M/D/1 queue: the mean end-to-end time is 1 ms + Pollaczek–Khinchine W inside the 99 % interval of 20 replications', () => {
    const s = 10.24;
    const theory = 1 + mg1(0.05, s, s * s).w;
    const means = Array.from({ length: 20 }, (_, k) => {
      const r = createRun(topology(nodes, links, { faults: [shaped] }), { seed: k + 1, durationS: 300, warmupS: 20, recordSeries: false });
      r.advance();
      return r.summary().sources['src']!.latency_ms.mean;
    });
    const ci = interval99(means);
    console.log(`VALIDATION ${JSON.stringify({ case: 'network-bandwidth M/D/1 ρ=0.512', quantity: 'W (ms)', theory, simulated: ci.mean, lo: ci.lo, hi: ci.hi })}`);
    expect(theory).toBeGreaterThanOrEqual(ci.lo);
    expect(theory).toBeLessThanOrEqual(ci.hi);
    expect(ci.halfWidth / theory).toBeLessThan(0.03);
  });

  it('says what it does on the timeline, and the link is free again after durationS', () => {
    const r = createRun(topology(nodes, links, { faults: [{ ...shaped, at: 60, durationS: 60 }] }), { durationS: 180, seriesIntervalS: 10 });
    r.advance();
    const { events, frames } = r.drain();
    expect(events.find((e) => e.type === 'fault-started')?.message).toBe('network-bandwidth on api: calls in share 8 Mbit/s, 10 KiB each (10.24 ms on the link) for 60 s');
    expect(events.find((e) => e.type === 'fault-ended')?.tMs).toBe(120_000);
    const layout = r.seriesLayout;
    const p50 = (tMs: number) => frames.find((f) => f.tMs === tMs)!.values[layout.nodes.indexOf('src') * layout.metrics.length + layout.metrics.indexOf('latency_p50_ms')]!;
    expect(p50(50_000)).toBeCloseTo(1, 1);
    expect(p50(100_000)).toBeGreaterThan(11);
    expect(p50(170_000)).toBeCloseTo(1, 1);
  });

  it('of two at once the tighter limits the link; when it ends, the other does', () => {
    const r = createRun(
      topology(nodes, links, {
        faults: [
          { ...shaped, at: 0, durationS: 100, rateMbps: 80 },
          { ...shaped, at: 20, durationS: 40, rateMbps: 4 },
        ],
      }),
      { durationS: 100, seriesIntervalS: 10 },
    );
    r.advance();
    const { frames } = r.drain();
    const layout = r.seriesLayout;
    const p50 = (tMs: number) => frames.find((f) => f.tMs === tMs)!.values[layout.nodes.indexOf('src') * layout.metrics.length + layout.metrics.indexOf('latency_p50_ms')]!;
    // 80 Mbit/s: 1.02 ms on the link, little queueing; 4 Mbit/s: 20.48 ms at ρ = 1.02, a growing queue.
    expect(p50(10_000)).toBeLessThan(3);
    expect(p50(50_000)).toBeGreaterThan(20);
    expect(p50(90_000)).toBeLessThan(3);
  });
});
