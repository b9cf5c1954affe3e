// Faults planned in the scenario and injected while the run goes: pod-kill, pod-failure,
// network-delay, network-loss, network-partition, region-outage (group targets), the data tier's
// db-primary-failure, cpu-stress and memory-stress (with OOM kills), and the plan's warnings.
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src-main/kernel/core/network.js';
import { buildPlan } from '../../../src-main/kernel/core/plan.js';
import type { RunEvent } from '../../../src-main/kernel/core/records.js';
import { Simulator } from '../../../src-main/kernel/engine/simulator.js';
import { createRun } from '../../../src-main/kernel/index.js';
import type { Topology, TopologyInput } from '../../../src-preload/contract/index.js';
import { topology } from './helpers/documents.js';

const source = (rps: number) => ({ kind: 'traffic-source' as const, rate: { type: 'constant' as const, rps }, arrivals: 'deterministic' as const });
const box = (valueMs: number, extra: Record<string, unknown> = {}) => ({ kind: 'container' as const, serviceTime: { default: { type: 'constant' as const, valueMs } }, ...extra });
const call = (from: string, to: string) => ({ type: 'call' as const, from, to, latencyMs: 0 });

function network(doc: Topology, endMs: number): { sim: Simulator; net: Network } {
  const sim = new Simulator();
  const net = new Network(sim, buildPlan(doc), { seed: 3, endMs, warmupMs: 0, maxInFlight: 1e6 });
  net.start();
  return { sim, net };
}

const ofType = (events: RunEvent[], type: RunEvent['type']) => events.filter((e) => e.type === type);

describe('pod-kill', () => {
  it('kills instances now: their requests in service fail, and replacements start up', () => {
    // 4 instances, each busy all the time (10/s of 1 s work, a queue behind them); 2 die at 10.5 s.
    const doc = topology({ src: source(10), a: box(1000, { replicas: 4, startupS: 3, queueCapacity: 50 }) }, [call('src', 'a')], {
      faults: [{ type: 'pod-kill', at: 10.5, target: 'a', count: 2 }],
    });
    const { sim, net } = network(doc, 30_000);
    sim.runUntil(10_499);
    expect(net.metrics[1]!.errors).toBe(0);
    net.events.drain();
    sim.runUntil(10_500);
    expect(net.metrics[1]!.errors).toBe(2);
    expect(net.metrics[0]!.errors).toBe(2 + net.metrics[1]!.rejected); // the source also sees the full queue's rejections
    expect(net.replicaCount(1)).toBe(4);
    expect(net.readyReplicaCount(1)).toBe(2);
    const events = net.events.drain();
    expect(ofType(events, 'instance-killed')).toHaveLength(2);
    expect(ofType(events, 'instance-started')).toHaveLength(2);
    expect(ofType(events, 'fault-started')[0]).toMatchObject({ target: 'a', data: { fault: 'pod-kill', injected: false } });
    sim.runUntil(13_500);
    expect(net.readyReplicaCount(1)).toBe(4);
    expect(ofType(net.events.drain(), 'instance-ready')).toHaveLength(2);
  });
});

describe('pod-failure', () => {
  it('takes instances down for durationS, then they start again', () => {
    const doc = topology({ src: source(10), a: box(10, { replicas: 2, startupS: 1 }) }, [call('src', 'a')], {
      faults: [{ type: 'pod-failure', at: 5, target: 'a', durationS: 10, count: 1 }],
    });
    const { sim, net } = network(doc, 30_000);
    sim.runUntil(5000);
    expect(net.readyReplicaCount(1)).toBe(1);
    expect(net.replicaCount(1)).toBe(2); // a failed pod still exists
    expect(net.isUp(1)).toBe(true);
    sim.runUntil(15_500);
    expect(net.readyReplicaCount(1)).toBe(1); // restarting: ready after its start-up second
    sim.runUntil(16_000);
    expect(net.readyReplicaCount(1)).toBe(2);
    const events = net.events.drain().filter((e) => e.tMs > 2000);
    expect(events.map((e) => `${e.tMs} ${e.type}`)).toEqual(['5000 instance-killed', '5000 fault-started', '15000 instance-started', '15000 fault-ended', '16000 instance-ready']);
    // One instance kept serving throughout.
    expect(net.metrics[0]!.errors).toBe(0);
  });
});

describe('network faults', () => {
  it('network-delay adds delayMs (± jitter) to calls into the target while it lasts', () => {
    const doc = topology({ src: source(10), a: box(10) }, [call('src', 'a')], {
      faults: [{ type: 'network-delay', at: 10, target: 'a', durationS: 10, delayMs: 50, jitterMs: 20 }],
    });
    const r = createRun(doc, { durationS: 30 });
    r.advance();
    const src = r.summary().sources.src!;
    // 200 requests at 10 ms, 100 at 60 ms on average (uniform jitter of ±20 ms).
    const expected = (199 * 10 + 100 * 60) / 299;
    expect(Math.abs(src.latency_ms.mean - expected)).toBeLessThan(1.5);
    expect(src.latency_ms.p99).toBeGreaterThan(60);
    expect(src.latency_ms.p99).toBeLessThanOrEqual(80.5);
    expect(src.errors).toBe(0);
  });

  it('network-loss fails that share of calls into the target while it lasts', () => {
    const doc = topology({ src: { ...source(100), arrivals: 'poisson' as const }, a: box(1, { concurrency: 100 }) }, [call('src', 'a')], {
      faults: [{ type: 'network-loss', at: 100, target: 'a', durationS: 100, lossPercent: 40 }],
    });
    const r = createRun(doc, { durationS: 300 });
    r.advance();
    const s = r.summary();
    const n = s.sources.src!.errors + s.sources.src!.completed;
    const p = (0.4 * 100) / 300;
    expect(Math.abs(s.sources.src!.error_rate - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    // Lost calls never reach the node.
    expect(s.nodes.a!.arrivals).toBe(s.sources.src!.completed);
  });
});

describe('network-partition', () => {
  it('cuts the call links between the target and the `from` side, both ways, while it lasts', () => {
    // a calls b and c; b calls c. A partition between b and a: a → b fails, b → c and a → c go on.
    const doc = topology({ src: source(10), a: box(1, { concurrency: 10 }), b: box(1, { concurrency: 10 }), c: box(1, { concurrency: 10 }) }, [call('src', 'a'), call('a', 'b'), call('b', 'c'), call('a', 'c')], {
      faults: [{ type: 'network-partition', at: 10, target: 'b', from: 'a', durationS: 10 }],
    });
    const r = createRun(doc, { durationS: 30 });
    r.advance();
    const s = r.summary();
    // 100 of 299 requests fall in the partition: they fail at a's call to b and never reach b or c.
    expect(s.sources.src!.errors).toBe(100);
    expect(s.nodes.b!.arrivals).toBe(199);
    expect(s.nodes.c!.arrivals).toBe(2 * 199);
  });

  it('without `from` isolates the target from every other node', () => {
    const doc = topology({ src: source(10), a: box(1, { concurrency: 10 }), b: box(1, { concurrency: 10 }) }, [call('src', 'a'), call('a', 'b')], {
      faults: [{ type: 'network-partition', at: 10, target: 'a', durationS: 10 }],
    });
    const r = createRun(doc, { durationS: 30 });
    r.advance();
    const s = r.summary();
    expect(s.sources.src!.errors).toBe(100);
    expect(s.nodes.a!.arrivals).toBe(199);
  });
});

describe('region-outage', () => {
  const regional = (faults: TopologyInput['scenario'] extends infer S ? (S extends { faults?: infer F } ? F : never) : never) =>
    topology(
      {
        src: source(100),
        dns: { kind: 'geodns', policy: 'weighted', ttlS: 30 },
        east: box(1, { group: 'use1a', concurrency: 10 }),
        west: box(1, { group: 'usw2', concurrency: 10 }),
      } as TopologyInput['nodes'],
      [call('src', 'dns'), call('dns', 'east'), call('dns', 'west')],
      { faults },
    );

  it('takes down every node of the region and its zones; GeoDNS routes around it after the TTL', () => {
    const base = regional([{ type: 'region-outage', at: 40, target: 'us-east', durationS: 60 }]);
    const doc = { ...base, groups: { 'us-east': { type: 'region' as const }, use1a: { type: 'zone' as const, parent: 'us-east' }, usw2: { type: 'region' as const } } };
    const { sim, net } = network(doc, 200_000);
    sim.runUntil(59_999);
    expect(net.isUp(2)).toBe(false);
    expect(net.isUp(3)).toBe(true);
    const failedWhileCached = net.metrics[0]!.errors;
    // 40 s → 60 s (the next 30 s TTL): about half of 2000 requests still resolve to east and fail.
    expect(failedWhileCached).toBeGreaterThan(900);
    expect(failedWhileCached).toBeLessThan(1100);
    expect(net.metrics[2]!.rejected).toBe(failedWhileCached);
    sim.runUntil(99_999);
    expect(net.metrics[0]!.errors).toBe(failedWhileCached);
    sim.runUntil(130_000);
    expect(net.isUp(2)).toBe(true);
    expect(net.metrics[0]!.errors).toBe(failedWhileCached);
    const events = net.events.drain();
    expect(ofType(events, 'fault-started')[0]).toMatchObject({ tMs: 40_000, target: 'us-east', data: { nodes: 1 } });
    expect(ofType(events, 'fault-ended')[0]).toMatchObject({ tMs: 100_000, target: 'us-east' });
  });
});

describe('injected faults', () => {
  const doc = () => topology({ src: source(10), a: box(1000, { replicas: 3, queueCapacity: 100 }) }, [call('src', 'a')]);

  it('inject() acts now, whatever the fault says about `at`', () => {
    const r = createRun(doc(), { durationS: 60 });
    r.advance({ untilMs: 20_000 });
    r.drain();
    r.inject({ type: 'pod-kill', at: 0, target: 'a', count: 1 });
    const events = r.drain().events;
    expect(ofType(events, 'fault-started')[0]).toMatchObject({ tMs: 20_000, data: { fault: 'pod-kill', injected: true } });
    expect(ofType(events, 'instance-killed')).toHaveLength(1);
    expect(ofType(events, 'instance-killed')[0]!.tMs).toBe(20_000);
    r.inject({ type: 'network-delay', at: 0, target: 'a', durationS: 5, delayMs: 100, jitterMs: 0 });
    r.advance({ untilMs: 30_000 });
    expect(ofType(r.drain().events, 'fault-ended')[0]!.tMs).toBe(25_000);
  });

  it('refuses a target that names nothing, and any fault once the run is done', () => {
    const r = createRun(doc(), { durationS: 60 });
    expect(() => r.inject({ type: 'pod-kill', at: 0, target: 'nowhere', count: 1 })).toThrow(/"nowhere" is neither a node nor a group/);
    r.advance();
    expect(() => r.inject({ type: 'pod-kill', at: 0, target: 'a', count: 1 })).toThrow(/the run is done/);
  });

  it('db-primary-failure goes to the data tier (failover after the promotion time)', () => {
    const withDb = topology(
      {
        src: source(10),
        a: box(1),
        db: { kind: 'postgres', topology: { mode: 'primary-replica', replicas: 1 }, failover: { automatic: true, promotionS: 5 } },
      } as TopologyInput['nodes'],
      [call('src', 'a'), call('a', 'db')],
    );
    const r = createRun(withDb, { durationS: 60 });
    r.advance({ untilMs: 10_000 });
    r.drain();
    r.inject({ type: 'db-primary-failure', at: 0, target: 'db' });
    r.advance({ untilMs: 20_000 });
    const events = r.drain().events;
    expect(ofType(events, 'fault-started')[0]).toMatchObject({ tMs: 10_000, target: 'db' });
    expect(ofType(events, 'failover').some((e) => e.tMs === 15_000)).toBe(true);
  });
});

describe('fault warnings', () => {
  it('warns about targets a fault cannot act on, and about nothing else', () => {
    const doc = topology({ src: source(1), a: box(1) }, [call('src', 'a')], {
      faults: [
        { type: 'pod-kill', at: 1, target: 'a', count: 1 },
        { type: 'cpu-stress', at: 1, target: 'a', durationS: 5, loadPercent: 50 },
        { type: 'pod-kill', at: 1, target: 'src', count: 1 },
        { type: 'memory-stress', at: 1, target: 'src', durationS: 5, sizeMiB: 64 },
      ],
    });
    const warnings = buildPlan(doc).warnings.join('\n');
    expect(warnings).not.toMatch(/not simulated/);
    expect(warnings).toMatch(/src has no instances to kill/);
    expect(warnings).toMatch(/fault memory-stress at 1 s: src has no instances to stress/);
    expect(warnings).not.toMatch(/fault cpu-stress/);
    expect(warnings).not.toMatch(/pod-kill faults are not simulated/);
    expect(warnings).not.toMatch(/faults and deployments/);
  });
});

describe('stress', () => {
  /** 4 instances of 100 ms at 10/s (a quarter busy), 512 MiB each; a frame every 10 s. */
  const stressed = (fault: NonNullable<NonNullable<TopologyInput['scenario']>['faults']>[number]) =>
    topology({ src: source(10), a: box(100, { replicas: 4, resources: { cpu: 1, memoryMiB: 512 } }) }, [call('src', 'a')], { durationS: 180, faults: [fault] });
  const frames = (doc: Topology) => {
    const r = createRun(doc, { seed: 3, seriesIntervalS: 10 });
    const out: { tMs: number; values: Float64Array }[] = [];
    const events: RunEvent[] = [];
    while (r.advance({ untilMs: r.now + 30_000 }) === 'running') {
      const d = r.drain();
      out.push(...d.frames);
      events.push(...d.events);
    }
    const d = r.drain();
    out.push(...d.frames);
    events.push(...d.events);
    const metric = (name: string) => {
      const k = r.seriesLayout.metrics.indexOf(name as never);
      const node = r.seriesLayout.nodes.indexOf('a');
      return (tS: number) => out.find((f) => f.tMs === tS * 1000)!.values[node * r.seriesLayout.metrics.length + k]!;
    };
    return { metric, events };
  };

  it('cpu-stress at 50 %: service takes twice as long and the stressors show on the CPU, until it ends', () => {
    const { metric, events } = frames(stressed({ type: 'cpu-stress', at: 60, target: 'a', durationS: 60, loadPercent: 50 }));
    const latency = metric('latency_p50_ms');
    const cpu = metric('cpu_cores');
    expect(latency(50)).toBeCloseTo(100, 0);
    expect(latency(100)).toBeCloseTo(200, 0);
    expect(latency(170)).toBeCloseTo(100, 0);
    // Busy share a quarter, then a half (slower service), plus the stressors' half of every core.
    expect(cpu(100) - cpu(50)).toBeGreaterThan(2);
    expect(cpu(170)).toBeCloseTo(cpu(50), 1);
    expect(ofType(events, 'fault-started')[0]!.message).toBe("cpu-stress on a: stressors take 50 % of each instance's CPU on 1 node for 60 s");
    expect(ofType(events, 'fault-ended')[0]!.tMs).toBe(120_000);
  });

  it('memory-stress within the limit: every instance holds that much more until it ends', () => {
    const { metric, events } = frames(stressed({ type: 'memory-stress', at: 60, target: 'a', durationS: 60, sizeMiB: 100 }));
    const memory = metric('memory_mib');
    expect(memory(100) - memory(50)).toBeCloseTo(4 * 100, 0);
    expect(memory(170)).toBeCloseTo(memory(50), 0);
    expect(ofType(events, 'instance-killed')).toEqual([]);
  });

  it('memory-stress past the limit OOM-kills every instance; replacements start without the stressors', () => {
    const { metric, events } = frames(stressed({ type: 'memory-stress', at: 60, target: 'a', durationS: 60, sizeMiB: 400 }));
    const killed = ofType(events, 'instance-killed');
    expect(killed).toHaveLength(4);
    for (const e of killed) expect(e).toMatchObject({ tMs: 60_000, data: { reason: 'OOMKilled' } });
    expect(killed[0]!.message).toMatch(/^a: instance \d killed \(OOMKilled\)$/);
    expect(ofType(events, 'fault-started')[0]!.message).toBe('memory-stress on a: 4 instances OOM-killed on a (limit 512 MiB) for 60 s');
    expect(metric('memory_mib')(100)).toBeCloseTo(metric('memory_mib')(50), 0);
  });
});
