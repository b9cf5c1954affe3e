// Station instances: a cold station serves nothing until its instances are ready; replica
// counts through the Network accessors; the instance events of a run.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src-main/kernel/index.js';
import { Network } from '../../../src-main/kernel/core/network.js';
import { buildPlan } from '../../../src-main/kernel/core/plan.js';
import { Simulator } from '../../../src-main/kernel/engine/simulator.js';
import type { Topology } from '../../../src-preload/contract/index.js';
import { topology } from './helpers/documents.js';

const source = (rps: number, extra: Record<string, unknown> = {}) => ({ kind: 'traffic-source' as const, rate: { type: 'constant' as const, rps }, ...extra });
const box = (serviceMs: number, extra: Record<string, unknown> = {}) => ({ kind: 'container' as const, serviceTime: { default: { type: 'constant' as const, valueMs: serviceMs } }, ...extra });
const call = (from: string, to: string) => ({ type: 'call' as const, from, to, latencyMs: 0 });

function network(doc: Topology, endMs: number): { sim: Simulator; net: Network } {
  const sim = new Simulator();
  const net = new Network(sim, buildPlan(doc), { seed: 1, endMs, warmupMs: 0, maxInFlight: 1e6 });
  net.start();
  return { sim, net };
}

describe('instances', () => {
  it('on a cold start a station has its replicas but none ready, and serves nothing until they are', () => {
    const doc = topology({ src: source(20), a: box(5, { replicas: 3, concurrency: 2, startupS: 10 }) }, [call('src', 'a')], { coldStart: true });
    const { sim, net } = network(doc, 30_000);
    const a = 1;
    expect(net.replicaCount(a)).toBe(3);
    expect(net.readyReplicaCount(a)).toBe(0);
    expect(net.isUp(a)).toBe(false);
    expect(net.concurrency(a)).toBe(2);
    sim.runUntil(9_999);
    expect(net.metrics[a]!.completions).toBe(0);
    expect(net.metrics[a]!.queue.value).toBeGreaterThan(100); // ~200 arrivals wait
    sim.runUntil(10_000);
    expect(net.readyReplicaCount(a)).toBe(3);
    expect(net.isUp(a)).toBe(true);
    const ready = net.events.drain().filter((e) => e.type === 'instance-ready');
    expect(ready).toHaveLength(3);
    expect(ready.every((e) => e.tMs === 10_000 && e.target === 'a')).toBe(true);
    sim.runUntil(30_000);
    expect(net.metrics[a]!.completions).toBeGreaterThan(0.95 * net.metrics[a]!.arrivals);
  });

  it('a warm station is ready at once and keeps replicas × concurrency servers (one instance: the plain M/G/c)', () => {
    const { net } = network(topology({ src: source(1), a: box(5, { replicas: 4, concurrency: 8 }) }, [call('src', 'a')]), 1000);
    expect(net.replicaCount(1)).toBe(4);
    expect(net.readyReplicaCount(1)).toBe(4);
    expect(net.isUp(1)).toBe(true);
    // A source has no instances; it is always up.
    expect(net.replicaCount(0)).toBe(0);
    expect(net.isUp(0)).toBe(true);
  });

  it('by default the initial replicas are already running, whatever their start-up time; only replicas added later start cold', () => {
    const doc = topology({ src: source(20), a: box(5, { replicas: 3, concurrency: 2, startupS: 10 }) }, [call('src', 'a')]);
    const { sim, net } = network(doc, 30_000);
    expect(net.readyReplicaCount(1)).toBe(3);
    expect(net.isUp(1)).toBe(true);
    sim.runUntil(1_000);
    expect(net.metrics[1]!.completions).toBeGreaterThan(0);
    expect(net.events.drain().filter((e) => e.type === 'instance-started' || e.type === 'instance-ready')).toEqual([]);
    net.instances.scaleTo(1, 4);
    expect(net.readyReplicaCount(1)).toBe(3);
    sim.runUntil(11_000);
    expect(net.readyReplicaCount(1)).toBe(4);
  });

  it('scaling in is graceful: a removed instance finishes its requests, then stops; scaling out starts new ones', () => {
    // 3 instances each busy with 1 s requests; at 10.5 s the count drops to 1.
    const doc = topology({ src: source(3, { arrivals: 'deterministic' }), a: box(1000, { replicas: 3, startupS: 2, queueCapacity: 1000 }) }, [call('src', 'a')]);
    const { sim, net } = network(doc, 30_000);
    sim.runUntil(10_500);
    net.events.drain();
    net.instances.scaleTo(1, 1);
    expect(net.replicaCount(1)).toBe(1);
    expect(net.readyReplicaCount(1)).toBe(1);
    expect(net.events.drain()).toHaveLength(0); // both still finishing a request
    sim.runUntil(12_000);
    const stopped = net.events.drain().filter((e) => e.type === 'instance-stopped');
    expect(stopped).toHaveLength(2);
    expect(stopped.every((e) => e.tMs > 10_500 && e.tMs <= 11_500)).toBe(true);
    expect(net.metrics[1]!.errors).toBe(0);
    net.instances.scaleTo(1, 2);
    expect(net.replicaCount(1)).toBe(2);
    expect(net.readyReplicaCount(1)).toBe(1);
    sim.runUntil(14_000);
    expect(net.readyReplicaCount(1)).toBe(2);
    expect(net.events.drain().map((e) => `${e.tMs} ${e.type}`)).toEqual(['12000 instance-started', '14000 instance-ready']);
  });

  it('serves on every instance: concurrency per instance bounds the requests in service', () => {
    // 2 instances × 1: at most 2 in service; evenly spaced arrivals every 10 ms of 25 ms work overload it.
    const r = createRun(topology({ src: source(100, { arrivals: 'deterministic' }), a: box(25, { replicas: 2, queueCapacity: 0 }) }, [call('src', 'a')]), { durationS: 10 });
    r.advance();
    const a = r.summary().nodes.a!;
    // Arrivals at 10, 20, 30 ms, …: the first two take both servers until 35 and 45 ms, the
    // third finds none free; the pattern repeats every 30 ms, so two in three are served.
    expect(Math.abs(a.completions - (2 * a.arrivals) / 3)).toBeLessThanOrEqual(2);
    expect(a.completions + a.rejected).toBeGreaterThanOrEqual(a.arrivals - 2); // the last ones may still be in service
  });
});
