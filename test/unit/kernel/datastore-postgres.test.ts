// PostgreSQL: read/write routing over primary and replicas, the connection pool, multi-master,
// a replica node, primary failure with and without automatic promotion, replication lag, RPO.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src-main/kernel/index.js';
import type { TopologyInput } from '../../../src-preload/contract/index.js';
import { dataRun } from './helpers/data-network.js';
import { topology } from './helpers/documents.js';

type Nodes = TopologyInput['nodes'];
const READ_WRITE = [
  { name: 'read', weight: 8, operation: 'read' as const },
  { name: 'write', weight: 2, operation: 'write' as const },
];
const source = (rps: number, classes = READ_WRITE, arrivals: 'poisson' | 'deterministic' = 'poisson') => ({ kind: 'traffic-source' as const, rate: { type: 'constant' as const, rps }, arrivals, classes });
const db = (extra: Record<string, unknown>) => ({
  kind: 'postgres' as const,
  readTime: { type: 'constant' as const, valueMs: 2 },
  writeTime: { type: 'constant' as const, valueMs: 5 },
  ...extra,
});
const call = (from: string, to: string, extra: Record<string, unknown> = {}) => ({ type: 'call' as const, from, to, latencyMs: 0, ...extra });
const doc = (nodes: Nodes, scenario: TopologyInput['scenario'] = {}) => topology(nodes, [call('src', 'db')], scenario);

describe('PostgreSQL routing', () => {
  it('sends writes to the primary and spreads reads round robin over the replicas', () => {
    const r = dataRun(doc({ src: source(200), db: db({ topology: { mode: 'primary-replica', replicas: 2 } }) }), 1, 100);
    r.to(100);
    const members = r.net.data.postgresMembers(r.at('db'))!;
    const total = members.served.reduce((a, b) => a + b, 0);
    const writes = members.served[0]! / total;
    // Writes are a binomial 20 % share of ~20,000 queries: σ ≈ 0.3 %.
    expect(Math.abs(writes - 0.2)).toBeLessThan(0.012);
    // Round robin: the two replicas differ by at most one read.
    expect(Math.abs(members.served[1]! - members.served[2]!)).toBeLessThanOrEqual(1);
  });

  it('sends reads to the primary too when readsFromReplicas is off', () => {
    const r = dataRun(doc({ src: source(200), db: db({ topology: { mode: 'primary-replica', replicas: 2, readsFromReplicas: false } }) }), 1, 20);
    r.to(20);
    const members = r.net.data.postgresMembers(r.at('db'))!;
    expect(members.served[0]).toBeGreaterThan(3000);
    expect(members.served.slice(1)).toEqual([0, 0]);
  });

  it('multi-master spreads reads and writes evenly over its members', () => {
    const r = dataRun(doc({ src: source(500), db: db({ topology: { mode: 'multi-master', nodes: 5 } }) }), 1, 20);
    r.to(20);
    const served = r.net.data.postgresMembers(r.at('db'))!.served;
    expect(Math.max(...served) - Math.min(...served)).toBeLessThanOrEqual(1);
    expect(served.reduce((a, b) => a + b, 0)).toBeGreaterThan(9000);
  });

  it('a replica node serves reads and refuses writes', () => {
    const s = (() => {
      const run = createRun(
        topology({ src: source(100), main: db({}), ro: db({ topology: { mode: 'replica', primary: 'main' } }) }, [call('src', 'ro')]),
        { durationS: 50 },
      );
      run.advance();
      return run.summary();
    })();
    const ro = s.nodes.ro!;
    const writeShare = ro.errors / ro.arrivals;
    expect(Math.abs(writeShare - 0.2)).toBeLessThan(0.02);
    expect(ro.completions + ro.errors).toBe(ro.arrivals);
    expect(s.warnings).toContain('ro: a read-only replica; write queries sent to it fail');
  });
});

describe('the connection pool', () => {
  it('serves maxConnections queries at once, queues as many more, and rejects the rest like "too many connections"', () => {
    // 100/s evenly, 2 connections × 100 ms: the pool serves 20/s; the wait queue (2) fills and the rest is refused.
    const run = createRun(doc({ src: source(100, [{ name: 'read', weight: 1, operation: 'read' }], 'deterministic'), db: db({ maxConnections: 2, readTime: { type: 'constant', valueMs: 100 } }) }), { durationS: 100 });
    run.advance();
    const d = run.summary().nodes.db!;
    expect(d.completions).toBeGreaterThanOrEqual(1995);
    expect(d.completions).toBeLessThanOrEqual(2000);
    expect(d.rejected).toBeGreaterThan(0.79 * d.arrivals);
    expect(d.mean_queue_length).toBeLessThanOrEqual(2);
    expect(d.mean_queue_length).toBeGreaterThan(1.9);
    expect(run.summary().sources.src!.errors).toBe(d.rejected);
  });
});

describe('primary failure', () => {
  const writesOnly = [{ name: 'write', weight: 1, operation: 'write' as const }];
  const failing = (automatic: boolean) =>
    doc(
      { src: source(10, writesOnly, 'deterministic'), db: db({ topology: { mode: 'primary-replica', replicas: 1 }, failover: { automatic, promotionS: 5 } }) },
      { faults: [{ type: 'db-primary-failure', at: 10, target: 'db' }] },
    );
  const errorsAt = (run: ReturnType<typeof createRun>, tS: number) => {
    run.advance({ untilMs: tS * 1000 });
    return run.summary().sources.src!.errors;
  };

  it('with automatic failover, writes fail for promotionS and then go to the promoted replica', () => {
    const run = createRun(failing(true), { durationS: 30 });
    expect(errorsAt(run, 9.99)).toBe(0);
    const during = errorsAt(run, 15.05);
    // Writes at 10.0 … 14.9 s (the one at 15.0 s reaches the promoted replica).
    expect(during).toBe(50);
    expect(errorsAt(run, 30)).toBe(during);
    const events = run.drain().events;
    expect(events.filter((e) => e.type === 'fault-started')).toHaveLength(1);
    const failure = events.find((e) => e.type === 'fault-started' && e.target === 'db')!;
    const failover = events.find((e) => e.type === 'failover' && e.target === 'db')!;
    expect(failure.tMs).toBe(10_000);
    expect(failover.tMs).toBe(15_000);
    expect(failover.data?.promoted).toBe(true);
  });

  it('without automatic failover, writes fail until the end of the run while replicas keep serving reads', () => {
    const run = createRun(failing(false), { durationS: 30 });
    expect(errorsAt(run, 9.99)).toBe(0);
    expect(errorsAt(run, 30)).toBe(200);
    expect(run.drain().events.find((e) => e.type === 'failover')?.data?.promoted).toBe(false);

    const reads = createRun(
      doc(
        { src: source(10, [{ name: 'read', weight: 1, operation: 'read' }]), db: db({ topology: { mode: 'primary-replica', replicas: 1 }, failover: { automatic: false } }) },
        { faults: [{ type: 'db-primary-failure', at: 10, target: 'db' }] },
      ),
      { durationS: 100 },
    );
    reads.advance();
    const s = reads.summary();
    expect(s.sources.src!.completed).toBeGreaterThan(900);
    expect(s.sources.src!.errors).toBe(0);
  });

  it('a single server that fails stays down: every query fails from then on, and the node reads as down', () => {
    const r = dataRun(doc({ src: source(10, READ_WRITE, 'deterministic'), db: db({}) }, { faults: [{ type: 'db-primary-failure', at: 10, target: 'db' }] }), 1, 20);
    r.to(20);
    const m = r.net.metrics[r.at('db')]!;
    expect(m.completions).toBe(99); // 0.1 … 9.9 s
    expect(m.errors).toBe(100); // 10.0 … 19.9 s
    expect(m.up.mean(20_000)).toBeCloseTo(0.5, 9);
  });

  it('multi-master drops the failed member after promotionS and the others take its share', () => {
    const r = dataRun(
      doc({ src: source(100), db: db({ topology: { mode: 'multi-master', nodes: 4 }, failover: { automatic: true, promotionS: 2 } }) }, { faults: [{ type: 'db-primary-failure', at: 10, target: 'db' }] }),
      1,
      40,
    );
    r.to(10.001);
    const before = r.net.data.postgresMembers(r.at('db'))!.served.slice();
    r.to(40);
    const after = r.net.data.postgresMembers(r.at('db'))!;
    expect(after.up).toEqual([false, true, true, true]);
    expect(after.served[0]).toBe(before[0]); // nothing more completes on the failed member
    const errors = r.net.metrics[r.at('db')]!.errors;
    // A quarter of the queries in the 2 s before the member is dropped: about 50.
    expect(errors).toBeGreaterThan(25);
    expect(errors).toBeLessThan(80);
  });
});

describe('replication lag and data loss', () => {
  it('samples lag around its mean at light load, longer when the primary is saturated, none for a single server', () => {
    const mean = (r: ReturnType<typeof dataRun>, n: number) => {
      let sum = 0;
      for (let i = 0; i < 4000; i++) sum += r.net.data.replicationLagMs(n);
      return sum / 4000;
    };
    const light = dataRun(doc({ src: source(10), db: db({ topology: { mode: 'primary-replica', replicas: 1, replicationLagMs: 50 } }) }), 1, 10);
    light.to(5);
    // Exponential samples: the mean of 4000 has σ ≈ 50/√4000 ≈ 0.8 ms (times small saturation).
    expect(mean(light, light.at('db'))).toBeGreaterThan(46);
    expect(mean(light, light.at('db'))).toBeLessThan(55);
    const busy = dataRun(doc({ src: source(2000), db: db({ maxConnections: 2, topology: { mode: 'primary-replica', replicas: 1, readsFromReplicas: false, replicationLagMs: 50 } }) }), 1, 10);
    busy.to(5);
    expect(mean(busy, busy.at('db'))).toBeGreaterThan(500);
    const single = dataRun(doc({ src: source(10), db: db({}) }), 1, 10);
    expect(single.net.data.replicationLagMs(single.at('db'))).toBeNaN();
  });

  it('reports the backup window: nightly risks a day of writes, continuous about a minute, none is unbounded', () => {
    const loss = (backup: string) => {
      const r = dataRun(doc({ src: source(100), db: db({ backup: { type: backup } }) }), 1, 100);
      r.to(100);
      return r.net.data.dataLoss(r.at('db'))!;
    };
    const nightly = loss('nightly');
    expect(nightly.rpo_seconds).toBe(86_400);
    // 20 writes/s × 86,400 s, within the Poisson noise of the measured rate.
    expect(nightly.writes_at_risk! / (20 * 86_400)).toBeCloseTo(1, 1);
    expect(loss('continuous').rpo_seconds).toBe(60);
    expect(loss('none').rpo_seconds).toBeNull();
    expect(loss('none').writes_at_risk).toBeNull();
  });
});
