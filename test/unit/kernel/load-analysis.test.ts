// Static load analysis against hand-solved traffic equations λ_i = γ_i + Σ_j λ_j p_ji (open
// Jackson networks), capacities servers / E[S], and the warnings a person reads.
import { describe, expect, it } from 'vitest';
import { analyzeLoad, LOAD_ANALYSIS_DEPTH, type NodeLoad } from '../../../src-main/kernel/core/load-analysis.js';
import { loadWarnings } from '../../../src-main/kernel/core/load-warnings.js';
import { buildPlan } from '../../../src-main/kernel/core/plan.js';
import { MAX_CALL_DEPTH } from '../../../src-main/kernel/index.js';
import type { Topology } from '../../../src-preload/contract/index.js';
import { network, topology } from './helpers/documents.js';

const exp = (meanMs: number, servers = 1, queueCapacity: number | null = null) => ({ service: { type: 'exponential' as const, meanMs }, servers, queueCapacity });
const box = (meanMs: number, extra: Record<string, unknown> = {}) => ({ kind: 'container' as const, serviceTime: { default: { type: 'exponential' as const, meanMs } }, ...extra });
const call = (from: string, to: string, extra: Record<string, unknown> = {}) => ({ type: 'call' as const, from, to, latencyMs: 0, ...extra });
const constant = (rps: number, extra: Record<string, unknown> = {}) => ({ kind: 'traffic-source' as const, rate: { type: 'constant' as const, rps }, ...extra });

function analyze(doc: Topology): Record<string, NodeLoad> {
  return Object.fromEntries(analyzeLoad(buildPlan(doc), doc).nodes.map((n) => [n.id, n]));
}
const warningsOf = (doc: Topology) => loadWarnings(analyzeLoad(buildPlan(doc), doc));

describe('traffic equations', () => {
  it('tandem a → b at γ = 600/s: λ = 600/s at both; ρ = λ·E[S]/c; capacity c/E[S]', () => {
    const r = analyze(network(600, { a: exp(1), b: exp(1.25) }, [{ from: 'a', to: 'b' }]));
    expect(r.a!.meanRps).toBeCloseTo(600, 9);
    expect(r.b!.meanRps).toBeCloseTo(600, 9);
    expect(r.a!.rho).toBeCloseTo(0.6, 9);
    expect(r.b!.rho).toBeCloseTo(0.75, 9);
    expect(r.a!.capacityRps).toBeCloseTo(1000, 6);
    expect(r.b!.capacityRps).toBeCloseTo(800, 6);
    expect(r.a!.servers).toBe(1);
  });

  it('branching a → b (0.5), a → c (0.4), c → d (0.5): λ_b = 0.5γ, λ_c = 0.4γ, λ_d = 0.2γ', () => {
    const r = analyze(
      network(600, { a: exp(1), b: exp(2.5), c: exp(3), d: exp(4, 2) }, [
        { from: 'a', to: 'b', probability: 0.5 },
        { from: 'a', to: 'c', probability: 0.4 },
        { from: 'c', to: 'd', probability: 0.5 },
      ]),
    );
    expect(r.b!.meanRps).toBeCloseTo(300, 9);
    expect(r.c!.meanRps).toBeCloseTo(240, 9);
    expect(r.d!.meanRps).toBeCloseTo(120, 9);
    expect(r.d!.rho).toBeCloseTo((0.12 * 4) / 2, 9);
    expect(r.d!.capacityRps).toBeCloseTo(500, 6);
  });

  it('feedback a → b → a (p = 0.5): λ_a = γ + 0.5 λ_b, λ_b = λ_a, so both 2γ', () => {
    const doc = topology({ src: constant(100), a: box(1), b: box(1) }, [call('src', 'a'), call('a', 'b'), call('b', 'a', { probability: 0.5 })]);
    const r = analyze(doc);
    expect(r.a!.meanRps).toBeCloseTo(200, 6);
    expect(r.b!.meanRps).toBeCloseTo(200, 6);
  });

  it('a cycle every request takes is followed only as deep as the kernel calls (no hang, finite rates)', () => {
    expect(LOAD_ANALYSIS_DEPTH).toBe(MAX_CALL_DEPTH);
    const doc = topology({ src: constant(10), a: box(1), b: box(1) }, [call('src', 'a'), call('a', 'b'), call('b', 'a')]);
    const r = analyze(doc);
    // Depths 1, 3, …, 63 at a; 2, 4, …, 64 at b.
    expect(r.a!.meanRps).toBeCloseTo(10 * 32, 9);
    expect(r.b!.meanRps).toBeCloseTo(10 * 32, 9);
  });

  it('fan-out and probability multiply: api → db (p 0.5, fanOut 4) gives 2 calls per request', () => {
    const doc = topology({ src: constant(100), api: box(1), db: box(1) }, [call('src', 'api'), call('api', 'db', { probability: 0.5, fanOut: 4 })]);
    expect(analyze(doc).db!.meanRps).toBeCloseTo(200, 9);
  });

  it('a balancer sends each request over one link: weighted by weight, round robin evenly', () => {
    const lb = (algorithm: 'weighted' | 'round-robin') =>
      topology({ src: constant(400), lb: { kind: 'load-balancer', algorithm, overheadMs: 0 }, x: box(1), y: box(1) }, [
        call('src', 'lb'),
        call('lb', 'x', { weight: 3 }),
        call('lb', 'y', { weight: 1 }),
      ]);
    const weighted = analyze(lb('weighted'));
    expect(weighted.x!.meanRps).toBeCloseTo(300, 9);
    expect(weighted.y!.meanRps).toBeCloseTo(100, 9);
    const even = analyze(lb('round-robin'));
    expect(even.x!.meanRps).toBeCloseTo(200, 9);
    expect(even.lb!.servers).toBeNull();
  });

  it('classes: a link for writes only carries the write share; ρ uses each class’s service time', () => {
    const doc = topology(
      {
        src: constant(1000, { classes: [{ name: 'read', weight: 8 }, { name: 'write', weight: 2, operation: 'write' }] }),
        api: { kind: 'container', concurrency: 4, serviceTime: { default: { type: 'constant', valueMs: 1 }, classes: { write: { type: 'constant', valueMs: 6 } } } },
        audit: box(1),
      },
      [call('src', 'api'), call('api', 'audit', { classes: ['write'] })],
    );
    const r = analyze(doc);
    expect(r.audit!.meanRps).toBeCloseTo(200, 9);
    // Work: 800/s × 1 ms + 200/s × 6 ms = 2 s of service per s on 4 servers.
    expect(r.api!.rho).toBeCloseTo(0.5, 9);
    expect(r.api!.capacityRps).toBeCloseTo(2000, 6);
  });

  it('a diurnal profile: the mean over whole days is (base + peak)/2, the peak its peak; the time above capacity follows the cosine', () => {
    // 1 server, 1 ms: capacity 1000/s; rate between 400 and 1600/s over one day.
    const doc = topology({ src: { kind: 'traffic-source', rate: { type: 'diurnal', baseRps: 400, peakRps: 1600 } }, a: box(1) }, [call('src', 'a')], { durationS: 86_400 });
    const r = analyze(doc).a!;
    expect(r.meanRps).toBeCloseTo(1000, 3);
    expect(r.peakRps).toBeCloseTo(1600, 9);
    expect(r.peakRho).toBeCloseTo(1.6, 9);
    // rate > 1000 ⇔ cos θ > 0: half the day.
    expect(r.overloadedShare).toBeCloseTo(0.5, 2);
  });

  it('an autoscaled station counts its capacity at maxReplicas as well', () => {
    const doc = topology({ src: constant(100), api: box(10, { replicas: 2, scaling: { policy: 'hpa', minReplicas: 2, maxReplicas: 6 } }) }, [call('src', 'api')]);
    const r = analyze(doc).api!;
    expect(r.servers).toBe(2);
    expect(r.maxServers).toBe(6);
  });

  it('worst-case retry amplification multiplies (1 + retries.max) along the path', () => {
    const doc = topology(
      {
        src: constant(100),
        edge: box(1, { concurrency: 100, retries: { max: 1 } }),
        api: box(1, { concurrency: 100, retries: { max: 2 } }),
        db: box(1, { concurrency: 100 }),
      },
      [call('src', 'edge'), call('edge', 'api'), call('api', 'db', { fanOut: 2 })],
    );
    const r = analyze(doc);
    expect(r.api!.retryAmplification).toBeCloseTo(2, 9);
    expect(r.db!.meanRps).toBeCloseTo(200, 9);
    expect(r.db!.retryAmplification).toBeCloseTo(6, 9);
    expect(r.db!.retriedBy.sort()).toEqual(['api', 'edge']);
    expect(r.edge!.retryAmplification).toBe(1);
  });
});

describe('data tier', () => {
  const mix = { classes: [{ name: 'read', weight: 8 }, { name: 'write', weight: 2, operation: 'write' }] };
  const pg = (readsFromReplicas: boolean) => ({
    kind: 'postgres' as const,
    topology: { mode: 'primary-replica' as const, replicas: 2, readsFromReplicas },
    maxConnections: 10,
    readTime: { type: 'constant' as const, valueMs: 2 },
    writeTime: { type: 'constant' as const, valueMs: 10 },
  });

  it('PostgreSQL with reads on replicas: writes load the primary’s connections, reads the replicas’; ρ is the busier', () => {
    const r = analyze(topology({ src: constant(1000, mix), db: pg(true) }, [call('src', 'db')])).db!;
    // Primary: 200/s × 10 ms on 10 connections = 0.2; replicas: 800/s × 2 ms on 20 = 0.08.
    expect(r.rho).toBeCloseTo(0.2, 9);
    expect(r.servers).toBe(30);
    expect(r.capacityRps).toBeCloseTo(5000, 6);
  });

  it('PostgreSQL with every query on the primary: one pool of its connections', () => {
    const r = analyze(topology({ src: constant(1000, mix), db: pg(false) }, [call('src', 'db')])).db!;
    expect(r.rho).toBeCloseTo((800 * 2 + 200 * 10) / 1000 / 10, 9);
  });

  it('a read that hits the cache skips the caller’s database call: the database sees misses and writes', () => {
    const doc = topology({ src: constant(1000, mix), web: box(1, { concurrency: 100 }), cache: { kind: 'redis', hitRatio: 0.8 }, db: pg(true) }, [
      call('src', 'web'),
      call('web', 'cache'),
      call('web', 'db'),
    ]);
    const r = analyze(doc);
    expect(r.cache!.meanRps).toBeCloseTo(1000, 9);
    expect(r.db!.meanRps).toBeCloseTo(800 * 0.2 + 200, 9);
  });

  it('Kafka: every consumer group gets every message; a group whose consumers cannot keep up is a warning', () => {
    const doc = topology(
      {
        src: constant(300),
        api: box(1, { concurrency: 100 }),
        kafka: { kind: 'kafka', topics: [{ name: 'orders', partitions: 4 }] },
        worker: box(10, { concurrency: 8 }),
        audit: box(1, { concurrency: 8 }),
      },
      [
        call('src', 'api'),
        { type: 'publish', from: 'api', to: 'kafka', topic: 'orders' },
        { type: 'consume', from: 'kafka', to: 'worker', topic: 'orders', group: 'billing', consumers: 2 },
        { type: 'consume', from: 'kafka', to: 'audit', topic: 'orders', group: 'audit', consumers: 8 },
      ],
    );
    const a = analyzeLoad(buildPlan(doc), doc);
    const byId = Object.fromEntries(a.nodes.map((x) => [x.id, x]));
    expect(byId.kafka!.meanRps).toBeCloseTo(300, 9);
    expect(byId.worker!.meanRps).toBeCloseTo(300, 9);
    expect(byId.audit!.meanRps).toBeCloseTo(300, 9);
    const billing = a.groups.find((g) => g.group === 'billing')!;
    expect(billing.activeConsumers).toBe(2);
    expect(billing.capacityRps).toBeCloseTo(200, 9);
    expect(billing.rho).toBeCloseTo(1.5, 9);
    // 8 consumers, 4 partitions: 4 active, 4000 msg/s.
    expect(a.groups.find((g) => g.group === 'audit')!.capacityRps).toBeCloseTo(4000, 9);
    expect(loadWarnings(a)).toEqual([
      'kafka: consumer group "billing" (worker) gets 300 msg/s of "orders" on average but its 2 consumers at one message at a time finish at most 200 msg/s: consumer lag grows without bound; add consumers (and partitions) or make the consumer faster',
    ]);
  });
});

describe('load warnings', () => {
  it('ρ ≥ 1 at the mean rate: names the node, ρ, both rates and says the queue grows without bound', () => {
    const w = warningsOf(topology({ src: constant(2700), api: box(4, { concurrency: 8 }) }, [call('src', 'api')]));
    expect(w).toEqual(['api: offered load ρ ≈ 1.35 at the mean rate (2,700 req/s vs capacity 2,000 req/s): its queue will grow without bound; add replicas or a queue limit']);
  });

  it('ρ ≥ 1 only at the peak: says how long, and with a bounded queue that requests are rejected', () => {
    const doc = topology(
      { src: { kind: 'traffic-source', rate: { type: 'diurnal', baseRps: 300, peakRps: 1500 } }, a: box(1, { queueCapacity: 50 }) },
      [call('src', 'a')],
      { durationS: 86_400 },
    );
    // Mean 900/s (ρ 0.9); above 1000/s while cos θ > 1/6: arccos(1/6)/π ≈ 45 % of the day.
    const [w] = warningsOf(doc);
    expect(w).toMatch(/^a: offered load ρ ≈ 1\.50 at the peak rate \(1,500 req\/s vs capacity 1,000 req\/s\), for about 45 % of the run: its queue of 50 fills and requests are rejected/);
  });

  it('no warning for a station that keeps up, even at ρ = 0.95', () => {
    expect(warningsOf(network(950, { server: exp(1) }))).toEqual([]);
  });

  it('zero servers that traffic reaches', () => {
    const w = warningsOf(topology({ src: constant(50), a: box(1, { replicas: 0 }) }, [call('src', 'a')]));
    expect(w).toEqual(['a: no servers (replicas × concurrency = 0) for the ≈ 50 req/s it receives: every request to it is rejected; give it replicas']);
  });

  it('retries that multiply a node’s load by 3 or more, or tip it over capacity, are a retry-storm warning', () => {
    const doc = topology(
      { src: constant(100), api: box(1, { concurrency: 100, retries: { max: 2 } }), db: box(1, { concurrency: 100 }) },
      [call('src', 'api'), call('api', 'db', { fanOut: 2 })],
    );
    expect(warningsOf(doc)).toEqual([
      'db: when it slows down or fails, the retries of api multiply its load up to 3.0× (≈ 600 req/s instead of 200 req/s); a brown-out can turn into a retry storm: fewer retries, a retry budget or a circuit breaker help',
    ]);
    const gentle = topology({ src: constant(100), api: box(1, { concurrency: 100, retries: { max: 1 } }), db: box(1, { concurrency: 100 }) }, [call('src', 'api'), call('api', 'db')]);
    expect(warningsOf(gentle)).toEqual([]);
  });

  it('an autoscaled station warns only when even maxReplicas cannot keep up', () => {
    const hpa = (maxReplicas: number) =>
      topology({ src: constant(1000), api: box(10, { replicas: 2, concurrency: 1, scaling: { policy: 'hpa', minReplicas: 2, maxReplicas } }) }, [call('src', 'api')]);
    expect(warningsOf(hpa(20))).toEqual([]);
    expect(warningsOf(hpa(5))[0]).toMatch(/^api: offered load ρ ≈ 2\.00 at the mean rate \(1,000 req\/s vs capacity 500 req\/s even at maxReplicas\): .*raise maxReplicas/);
  });

  it('the plan carries the load warnings', () => {
    const doc = topology({ src: constant(2700), api: box(4, { concurrency: 8 }) }, [call('src', 'api')]);
    expect(buildPlan(doc).warnings.join('\n')).toMatch(/api: offered load ρ ≈ 1\.35/);
  });
});
