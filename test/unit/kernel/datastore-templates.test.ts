// The seed templates run with the data-tier models: no budget stops, no failures the models
// make up, and figures that follow from how each template wires its databases, caches and Kafka.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src-main/kernel/index.js';
import { summarizeDataTier } from '../../../src-main/kernel/core/datastore/summary.js';
import { dataRun } from './helpers/data-network.js';
import { template } from './helpers/documents.js';

describe('templates with the data tier', () => {
  for (const name of ['production', 'development', 'experimental', 'three-tier']) {
    it(`${name}: a short run completes, and its databases answer every query they are sent`, () => {
      const r = createRun(template(name), { durationS: 60 });
      r.advance();
      expect(r.stopReason).toBeNull();
      const s = r.summary();
      const data = Object.values(s.nodes).filter((n) => n.kind === 'postgres' || n.kind === 'redis' || n.kind === 'kafka');
      expect(data.length).toBeGreaterThan(0);
      expect(Object.keys(s.data_tier)).toHaveLength(data.length);
      for (const n of data) {
        expect(n.arrivals).toBeGreaterThan(0);
        expect(n.errors + n.rejected).toBe(0);
        expect(n.completions).toBeGreaterThanOrEqual(n.arrivals - 50);
        expect(n.latency_ms.mean).toBeLessThan(10);
      }
      expect(s.warnings.some((w) => /(postgres|redis|kafka) has no model/.test(w))).toBe(false);
    });
  }

  it('production: writes go to the primary, reads to the two replicas in equal shares', () => {
    const r = dataRun(template('production'), 1, 60);
    r.to(60);
    const members = r.net.data.postgresMembers(r.at('db'))!;
    const [primary, a, b] = members.served as [number, number, number];
    // The template sends 8 reads to 2 writes.
    expect(primary / (primary + a + b)).toBeGreaterThan(0.17);
    expect(primary / (primary + a + b)).toBeLessThan(0.23);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
    expect(r.net.data.replicationLagMs(r.at('db'))).toBeGreaterThanOrEqual(0);
    expect(r.net.data.dataLoss(r.at('db'))!.rpo_seconds).toBe(86_400);
  });

  it('three-tier: the database sees the cache misses of the reads and every write', () => {
    const run = createRun(template('three-tier'), { durationS: 300 });
    run.advance();
    const s = run.summary();
    const lookups = s.nodes.cache!.completions;
    const writes = s.sources.clients!.requests - s.nodes.cache!.arrivals;
    const dbReads = s.nodes.db!.arrivals - writes;
    const sigma = Math.sqrt(lookups * 0.2 * 0.8);
    // Reads rejected or timed out at web never reach the cache or the database: allow for them.
    expect(Math.abs(dbReads - 0.2 * lookups)).toBeLessThan(4 * sigma + s.nodes.web!.rejected + s.nodes.web!.errors);
  });

  it('experimental: multi-master shares the queries, the cache hits about 85 %, Kafka consumers keep up, and a primary failure fails over', () => {
    const doc = template('experimental');
    doc.scenario.faults = [{ type: 'db-primary-failure', at: 30, target: 'db' }];
    const r = dataRun(doc, 1, 90);
    const dbMetrics = r.net.metrics[r.at('db')]!;
    r.to(40.001);
    const errorsAtFailover = dbMetrics.errors;
    r.to(90);
    const served = r.net.data.postgresMembers(r.at('db'))!.served;
    expect(Math.min(...served.slice(1))).toBeGreaterThan(0.9 * Math.max(...served.slice(1)));
    const cache = r.at('cache');
    const measured = r.net.data.cacheHits(cache) / r.net.data.cacheLookups(cache);
    expect(Math.abs(measured - 0.85)).toBeLessThan(0.02);
    const kafka = r.at('kafka');
    const inference = r.net.data.consumerGroups(kafka).find((g) => g.group === 'anomaly-detection')!;
    expect(inference.consumed).toBeGreaterThan(1000);
    expect(inference.lag).toBeLessThan(50);
    const events = r.net.events.drain();
    expect(events.find((e) => e.type === 'failover' && e.target === 'db')?.tMs).toBe(40_000);
    // A fifth of the queries failed for the 10 s before the member was dropped, and none after.
    expect(errorsAtFailover).toBeGreaterThan(0);
    expect(dbMetrics.errors).toBe(errorsAtFailover);
  });
});

describe('the data-tier summary', () => {
  it('gives each data node its figures: data loss for PostgreSQL, measured hit ratio for Redis, lag per group for Kafka', () => {
    const r = dataRun(template('experimental'), 1, 60);
    r.to(60);
    const s = summarizeDataTier(r.net.data, r.net.plan.nodes.map((n) => n.id));
    expect(Object.keys(s).sort()).toEqual(['cache', 'db', 'kafka']);
    const db = s.db!;
    if (db.kind !== 'postgres') throw new Error('db is postgres');
    expect(db.rpo_seconds).toBe(60);
    expect(db.rto_seconds).toBe(10);
    expect(db.served_per_member).toHaveLength(5);
    expect(db.members_up).toBe(5);
    const cache = s.cache!;
    if (cache.kind !== 'redis') throw new Error('cache is redis');
    expect(cache.hits / cache.lookups).toBe(cache.hit_ratio);
    const kafka = s.kafka!;
    if (kafka.kind !== 'kafka') throw new Error('kafka is kafka');
    expect(kafka.groups.map((g) => g.group).sort()).toEqual(['anomaly-detection', 'autoscaling', 'load-prediction']);
    expect(kafka.consumer_lag).toBe(kafka.groups.reduce((a, g) => a + g.lag, 0));
  });
});
