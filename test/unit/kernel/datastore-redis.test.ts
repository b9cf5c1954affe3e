// Redis: lookups take the cache latency and hit with hitRatio; a read hit skips the caller's
// calls to postgres; writes always reach the database; a flush empties the cache, which then
// warms up linearly.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src-main/kernel/index.js';
import { CACHE_WARMUP_MS } from '../../../src-main/kernel/core/datastore/redis.js';
import { dataRun } from './helpers/data-network.js';
import { topology } from './helpers/documents.js';

const classes = [
  { name: 'read', weight: 9, operation: 'read' as const },
  { name: 'write', weight: 1, operation: 'write' as const },
];
const call = (from: string, to: string, extra: Record<string, unknown> = {}) => ({ type: 'call' as const, from, to, latencyMs: 0, ...extra });
const cached = (hitRatio: number, scenario = {}) =>
  topology(
    {
      src: { kind: 'traffic-source', rate: { type: 'constant', rps: 200 }, classes },
      web: { kind: 'container', serviceTime: { default: { type: 'constant', valueMs: 1 } }, concurrency: 50 },
      cache: { kind: 'redis', hitRatio, latency: { type: 'constant', valueMs: 0.5 } },
      db: { kind: 'postgres' },
    },
    [call('src', 'web'), call('web', 'cache', { classes: ['read'] }), call('web', 'db')],
    scenario,
  );

describe('Redis', () => {
  it('a hit ratio of 0.8 sends a fifth of the reads on to the database, and every write', () => {
    const run = createRun(cached(0.8), { durationS: 200 });
    run.advance();
    const s = run.summary();
    const lookups = s.nodes.cache!.completions;
    const writes = s.nodes.web!.completions - lookups;
    const dbReads = s.nodes.db!.arrivals - writes;
    // Misses are binomial(lookups, 0.2): within 4 σ.
    const sigma = Math.sqrt(lookups * 0.2 * 0.8);
    expect(Math.abs(dbReads - 0.2 * lookups)).toBeLessThan(4 * sigma);
    expect(writes).toBeGreaterThan(0.08 * s.nodes.web!.completions);
    expect(s.nodes.cache!.latency_ms.mean).toBeCloseTo(0.5, 9);
  });

  it('with no hits every read reaches the database; with all hits none does', () => {
    const none = createRun(cached(0), { durationS: 20 });
    none.advance();
    const n = none.summary();
    expect(n.nodes.db!.arrivals).toBe(n.nodes.web!.completions);
    const all = createRun(cached(1), { durationS: 20 });
    all.advance();
    const a = all.summary();
    expect(a.nodes.db!.arrivals).toBe(a.nodes.web!.completions - a.nodes.cache!.completions);
  });

  it('a flush drops the hit ratio to 0 and it climbs back linearly over the warm-up; the database takes the misses', () => {
    const flushAtS = 100;
    const r = dataRun(cached(0.8, { faults: [{ type: 'cache-flush', at: flushAtS, target: 'cache' }] }), 1, 1000);
    const cache = r.at('cache');
    const db = r.net.metrics[r.at('db')]!;
    r.to(flushAtS - 0.001);
    expect(r.net.data.cacheHitRatio(cache)).toBe(0.8);
    const dbBefore = db.arrivals;
    r.to(flushAtS);
    expect(r.net.data.cacheHitRatio(cache)).toBe(0);
    r.to(flushAtS + CACHE_WARMUP_MS / 2000);
    expect(r.net.data.cacheHitRatio(cache)).toBeCloseTo(0.4, 9);
    // Over the warm-up the mean hit ratio is 0.4: the database sees 0.6 of reads instead of 0.2.
    r.to(flushAtS + CACHE_WARMUP_MS / 1000);
    const readsDuringWarmup = 0.9 * 200 * (CACHE_WARMUP_MS / 1000);
    const dbReads = db.arrivals - dbBefore - 0.1 * 200 * (CACHE_WARMUP_MS / 1000);
    expect(dbReads / readsDuringWarmup).toBeGreaterThan(0.55);
    expect(dbReads / readsDuringWarmup).toBeLessThan(0.65);
    expect(r.net.data.cacheHitRatio(cache)).toBe(0.8);
    const flushed = r.net.events.drain().filter((e) => e.type === 'cache-flushed');
    expect(flushed.map((e) => [e.tMs, e.target])).toEqual([[flushAtS * 1000, 'cache']]);
  });

  it('a flush injected while the run goes empties the cache then, with one fault event and one flush event', () => {
    const run = createRun(cached(0.8), { durationS: 100 });
    run.advance({ untilMs: 40_000 });
    run.inject({ type: 'cache-flush', at: 0, target: 'cache' });
    run.advance();
    const events = run.drain().events;
    expect(events.filter((e) => e.type === 'fault-started').map((e) => e.tMs)).toEqual([40_000]);
    expect(events.filter((e) => e.type === 'cache-flushed').map((e) => e.tMs)).toEqual([40_000]);
  });
});
