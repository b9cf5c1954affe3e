// Client timeouts at traffic sources and retries with backoff on calls.
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src-main/kernel/core/network.js';
import { buildPlan } from '../../../src-main/kernel/core/plan.js';
import { Simulator } from '../../../src-main/kernel/engine/simulator.js';
import { createRun } from '../../../src-main/kernel/index.js';
import type { Distribution, Topology } from '../../../src-preload/contract/index.js';
import { topology } from './helpers/documents.js';

const source = (rps: number, extra: Record<string, unknown> = {}) => ({ kind: 'traffic-source' as const, rate: { type: 'constant' as const, rps }, ...extra });
const box = (service: Distribution, extra: Record<string, unknown> = {}) => ({ kind: 'container' as const, concurrency: 1000, serviceTime: { default: service }, ...extra });
const constant = (valueMs: number): Distribution => ({ type: 'constant', valueMs });
const call = (from: string, to: string) => ({ type: 'call' as const, from, to, latencyMs: 0 });

function network(doc: Topology, endMs: number, maxInFlight = 1e6): { sim: Simulator; net: Network } {
  const sim = new Simulator();
  const net = new Network(sim, buildPlan(doc), { seed: doc.scenario.seed, endMs, warmupMs: 0, maxInFlight });
  net.start();
  return { sim, net };
}

describe('client timeouts', () => {
  it('the client gives up: an error at the source, while the service still does the work', () => {
    const doc = topology({ src: source(1, { arrivals: 'deterministic', timeoutMs: 100 }), a: box(constant(300)) }, [call('src', 'a')]);
    const r = createRun(doc, { durationS: 100 });
    r.advance();
    const s = r.summary();
    expect(s.sources.src!.errors).toBe(99);
    expect(s.sources.src!.completed).toBe(0);
    expect(s.nodes.a!.completions).toBe(99);
    expect(s.nodes.a!.errors).toBe(0);
    expect(s.warnings.join('\n')).not.toMatch(/timeout/);
  });

  it('times out the share of requests slower than the timeout (exponential service: e^(−t/mean))', () => {
    // Evenly spaced, no queueing: a request times out when its service exceeds 200 ms, P = e^−2.
    const doc = topology({ src: source(10, { arrivals: 'deterministic', timeoutMs: 200 }), a: box({ type: 'exponential', meanMs: 100 }) }, [call('src', 'a')]);
    const r = createRun(doc, { durationS: 3000 });
    r.advance();
    const src = r.summary().sources.src!;
    const n = src.errors + src.completed;
    const p = Math.exp(-2);
    expect(Math.abs(src.error_rate - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    expect(src.latency_ms.p99).toBeLessThanOrEqual(200);
  });
});

describe('retries with backoff', () => {
  const lossy = (max: number, lossPercent: number, backoffMs = 10, multiplier = 2) =>
    topology(
      { src: source(20), a: box(constant(1), { retries: { max, backoffMs, multiplier } }), b: box(constant(1)) },
      [call('src', 'a'), call('a', 'b')],
      { faults: [{ type: 'network-loss', at: 0, target: 'b', lossPercent }] },
    );

  for (const [max, p] of [
    [0, 0.3],
    [1, 0.3],
    [2, 0.3],
    [3, 0.5],
  ] as const) {
    it(`with failure rate ${p} and ${max} retries, a fraction p^(r+1) of calls finally fails; retries per call p + … + p^r`, () => {
      const { sim, net } = network(lossy(max, p * 100), 1_000_000);
      sim.runUntil(1_000_000);
      const src = net.metrics[0]!;
      const n = src.completions + src.errors;
      const expected = p ** (max + 1);
      expect(Math.abs(src.errors / n - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / n));
      let perCall = 0;
      for (let k = 1; k <= max; k++) perCall += p ** k;
      // Retries per request: a sum of Bernoulli terms, each with variance ≤ its mean; 4 σ.
      expect(Math.abs(net.retries[1]! / n - perCall)).toBeLessThan(4 * Math.sqrt((max * perCall + 1e-12) / n) + 1e-9);
      expect(net.retries[0]).toBe(0);
    });
  }

  it('the summary counts each node\'s retries over the measured time', () => {
    const r = createRun(lossy(2, 30), { durationS: 600, warmupS: 100 });
    r.advance();
    const s = r.summary();
    const requests = s.sources.src!.completed + s.sources.src!.errors;
    expect(Math.abs(s.nodes.a!.retries / requests - (0.3 + 0.09))).toBeLessThan(0.05);
    expect(s.nodes.b!.retries).toBe(0);
  });

  it('waits backoffMs · multiplier^(attempt−1) between attempts', () => {
    // Every call into b is lost: 3 retries after 100, 200 and 400 ms, then the request fails (1 ms of service first).
    const doc = topology(
      { src: source(1, { arrivals: 'deterministic' }), a: box(constant(1), { retries: { max: 3, backoffMs: 100, multiplier: 2 } }), b: box(constant(1)) },
      [call('src', 'a'), call('a', 'b')],
      { faults: [{ type: 'network-loss', at: 0, target: 'b', lossPercent: 100 }] },
    );
    const { sim, net } = network(doc, 10_000);
    sim.runUntil(1000 + 1 + 700 - 0.001);
    expect(net.metrics[0]!.errors).toBe(0);
    expect(net.retries[1]).toBe(3);
    sim.runUntil(1000 + 1 + 700);
    expect(net.metrics[0]!.errors).toBe(1);
  });

  it('a retry storm stays bounded: the run stops with a reason once too many requests are in flight', () => {
    // 1000/s into a tier that serves 100/s and turns the rest away; each failure waits 1 s and retries, 20 times.
    const doc = topology(
      { src: source(1000), a: box(constant(1), { retries: { max: 20, backoffMs: 1000, multiplier: 1 } }), b: box({ type: 'exponential', meanMs: 10 }, { concurrency: 1, queueCapacity: 0 }) },
      [call('src', 'a'), call('a', 'b')],
    );
    const r = createRun(doc, { durationS: 3600, maxInFlight: 5000 });
    r.advance();
    expect(r.state).toBe('stopped');
    expect(r.stopReason).toMatch(/more than 5000 requests in flight/);
    expect(r.now).toBeLessThan(60_000);
  });
});
