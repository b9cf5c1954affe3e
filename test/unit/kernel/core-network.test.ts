// The request flow: stations (servers, queue capacity, rejection, timeouts, start-up), calls
// (probability, fan-out, classes, latency both ways), balancers, failures reaching the source.
import { describe, expect, it } from 'vitest';
import { createRun, type RunSummary } from '../../../src-main/kernel/index.js';
import { topology } from './helpers/documents.js';

const source = (rps: number, extra: Record<string, unknown> = {}) => ({ kind: 'traffic-source' as const, rate: { type: 'constant' as const, rps }, ...extra });
const box = (serviceMs: number, extra: Record<string, unknown> = {}) => ({ kind: 'container' as const, serviceTime: { default: { type: 'constant' as const, valueMs: serviceMs } }, ...extra });
const call = (from: string, to: string, extra: Record<string, unknown> = {}) => ({ type: 'call' as const, from, to, latencyMs: 0, ...extra });

function run(doc: Parameters<typeof createRun>[0], options: Parameters<typeof createRun>[1] = {}): RunSummary {
  const r = createRun(doc, options);
  r.advance();
  expect(r.done).toBe(true);
  return r.summary();
}

describe('stations', () => {
  it('with evenly spaced arrivals slower than service, nobody waits and each request takes the service time', () => {
    const s = run(topology({ src: source(10, { arrivals: 'deterministic' }), a: box(50) }, [call('src', 'a')]), { durationS: 100, warmupS: 0 });
    const a = s.nodes.a!;
    expect(a.arrivals).toBe(999); // at 0.1 s, 0.2 s, … 99.9 s (the one at 100 s is past the end)
    expect(a.completions).toBe(999);
    expect(a.latency_ms.mean).toBeCloseTo(50, 9);
    expect(a.wait_ms.mean).toBe(0);
    expect(a.utilization!).toBeCloseTo((999 * 50) / 100_000, 9);
    expect(s.sources.src!.latency_ms.p99).toBeCloseTo(50, 6);
  });

  it('rejects arrivals beyond servers + queueCapacity, and the source sees them as errors', () => {
    // 10/s evenly, 1 server, service 250 ms, queue 1: the queue fills and every other arrival is turned away.
    const s = run(topology({ src: source(10, { arrivals: 'deterministic' }), a: box(250, { queueCapacity: 1 }) }, [call('src', 'a')]), { durationS: 100 });
    const a = s.nodes.a!;
    expect(a.rejected).toBeGreaterThan(0.55 * a.arrivals);
    expect(a.completions + a.rejected + 2).toBeGreaterThanOrEqual(a.arrivals);
    expect(s.sources.src!.errors).toBe(a.rejected);
    expect(s.sources.src!.error_rate).toBeCloseTo(a.rejected / (a.rejected + s.sources.src!.completed), 12);
    expect(a.mean_queue_length).toBeLessThanOrEqual(1);
  });

  it('times out requests that wait and are served longer than timeoutMs, freeing the server', () => {
    const s = run(topology({ src: source(10, { arrivals: 'deterministic' }), a: box(500, { timeoutMs: 200 }) }, [call('src', 'a')]), { durationS: 10 });
    const a = s.nodes.a!;
    expect(a.completions).toBe(0);
    // All but the one that arrived at 9.9 s (its timeout would fall after the end, at 10.1 s).
    expect(a.errors).toBe(a.arrivals - 1);
    // Each timeout frees the server for the next request, which waits 100 ms and is served 100 ms.
    expect(a.rejected).toBe(0);
    expect(a.wait_ms.mean).toBe(0);
    expect(a.mean_queue_length).toBeCloseTo(0.98, 6);
    expect(s.sources.src!.error_rate).toBe(1);
  });

  it('serves nothing before start-up on a cold start; requests queue meanwhile', () => {
    const r = createRun(topology({ src: source(10, { arrivals: 'deterministic' }), a: box(10, { startupS: 5 }) }, [call('src', 'a')], { coldStart: true }), { durationS: 20 });
    r.advance({ untilMs: 4999 });
    expect(r.summary().nodes.a!.completions).toBe(0);
    r.advance();
    const a = r.summary().nodes.a!;
    expect(a.completions).toBe(a.arrivals);
    expect(a.latency_ms.p99).toBeGreaterThan(4000);
  });

  it('uses the service time of the request class, and the default for others', () => {
    const doc = topology(
      {
        src: source(20, { classes: [{ name: 'read', weight: 1 }, { name: 'write', weight: 1 }] }),
        a: { kind: 'container', concurrency: 100, serviceTime: { default: { type: 'constant', valueMs: 10 }, classes: { write: { type: 'constant', valueMs: 30 } } } },
      },
      [call('src', 'a')],
    );
    const s = run(doc, { durationS: 2000 });
    // Half and half: the mean is near 20 ms and the quantiles sit on the two values.
    expect(Math.abs(s.nodes.a!.latency_ms.mean - 20)).toBeLessThan(0.5);
    const near = (x: number, v: number) => expect(Math.abs(x - v) / v).toBeLessThan(0.005); // the histogram's resolution
    near(s.nodes.a!.latency_ms.p50, s.nodes.a!.latency_ms.mean < 20 ? 10 : 30);
    near(s.nodes.a!.latency_ms.p99, 30);
    near(s.nodes.a!.latency_ms.p95, 30);
  });

  it('with zero replicas rejects every request and warns', () => {
    const s = run(topology({ src: source(10), a: box(10, { replicas: 0 }) }, [call('src', 'a')]), { durationS: 10 });
    expect(s.nodes.a!.rejected).toBe(s.nodes.a!.arrivals);
    expect(s.warnings.join('\n')).toMatch(/a: no servers/);
  });
});

describe('calls', () => {
  it('adds the link latency each way and the downstream time to the caller’s response', () => {
    const doc = topology({ src: source(1, { arrivals: 'deterministic' }), a: box(10), b: box(5) }, [call('src', 'a', { latencyMs: 20 }), call('a', 'b', { latencyMs: 3 })]);
    const s = run(doc, { durationS: 100 });
    expect(s.nodes.a!.latency_ms.mean).toBeCloseTo(10, 9); // own queue + service only
    expect(s.nodes.a!.response_ms.mean).toBeCloseTo(10 + 3 + 5 + 3, 9);
    expect(s.sources.src!.latency_ms.mean).toBeCloseTo(20 + 10 + 3 + 5 + 3 + 20, 9);
  });

  it('calls with the link probability and fanOut times, one after another', () => {
    const doc = topology({ src: source(100), a: box(1, { concurrency: 10 }), b: box(1, { concurrency: 10 }), c: box(1, { concurrency: 10 }) }, [
      call('src', 'a'),
      call('a', 'b', { probability: 0.3 }),
      call('a', 'c', { fanOut: 3 }),
    ]);
    const s = run(doc, { durationS: 500 });
    const n = s.nodes.a!.arrivals;
    expect(Math.abs(s.nodes.b!.arrivals - 0.3 * n)).toBeLessThan(4 * Math.sqrt(n * 0.3 * 0.7));
    expect(Math.abs(s.nodes.c!.arrivals - 3 * n)).toBeLessThanOrEqual(3);
    // Sequential: a's response includes every call's service.
    expect(s.nodes.a!.response_ms.p50).toBeGreaterThanOrEqual(4 - 1e-9);
  });

  it('sends a class only over links that list it', () => {
    const doc = topology(
      { src: source(50, { classes: [{ name: 'read', weight: 3 }, { name: 'write', weight: 1 }] }), web: box(1, { concurrency: 10 }), cache: box(1, { concurrency: 10 }), db: box(1, { concurrency: 10 }) },
      [call('src', 'web'), call('web', 'cache', { classes: ['read'] }), call('web', 'db', { classes: ['write'] })],
    );
    const s = run(doc, { durationS: 400 });
    expect(s.nodes.cache!.arrivals + s.nodes.db!.arrivals).toBe(s.nodes.web!.arrivals);
    expect(Math.abs(s.nodes.db!.arrivals / s.nodes.web!.arrivals - 0.25)).toBeLessThan(0.02);
  });

  it('a failed downstream call fails the request at the source; the caller’s own work still counts', () => {
    const doc = topology({ src: source(10, { arrivals: 'deterministic' }), a: box(1), b: box(1, { replicas: 0 }) }, [call('src', 'a'), call('a', 'b')]);
    const s = run(doc, { durationS: 10 });
    expect(s.nodes.a!.completions).toBe(s.nodes.a!.arrivals);
    expect(s.sources.src!.error_rate).toBe(1);
  });

  it('stops calls that go round a cycle at the depth limit, with a warning', () => {
    const doc = topology({ src: source(1, { arrivals: 'deterministic' }), a: box(1, { concurrency: 100 }), b: box(1, { concurrency: 100 }) }, [call('src', 'a'), call('a', 'b'), call('b', 'a')]);
    const s = run(doc, { durationS: 5 });
    expect(s.warnings.join('\n')).toMatch(/cycle/);
    expect(s.sources.src!.error_rate).toBe(1);
    expect(s.nodes.a!.errors + s.nodes.b!.errors).toBe(s.sources.src!.errors);
  });

  it('passes through nodes without a model (zero time) and says so', () => {
    const doc = topology({ src: source(10, { arrivals: 'deterministic' }), logs: { kind: 'kibana' }, a: box(5) }, [call('src', 'logs'), call('logs', 'a')]);
    const s = run(doc, { durationS: 10 });
    expect(s.nodes.logs!.latency_ms.mean).toBe(0);
    expect(s.sources.src!.latency_ms.mean).toBeCloseTo(5, 9);
    expect(s.warnings.join('\n')).toMatch(/logs: kibana has no model yet/);
  });
});

describe('load balancers and GeoDNS', () => {
  const backends = { a: box(1, { concurrency: 1000 }), b: box(1, { concurrency: 1000 }), c: box(1, { concurrency: 1000 }) };
  const lbDoc = (algorithm: string, weights = [1, 1, 1], lb: Record<string, unknown> = { kind: 'load-balancer', algorithm, overheadMs: 0 }) =>
    topology({ src: source(100), lb, ...backends } as never, [call('src', 'lb'), call('lb', 'a', { weight: weights[0] }), call('lb', 'b', { weight: weights[1] }), call('lb', 'c', { weight: weights[2] })]);
  const shares = (s: RunSummary) => ['a', 'b', 'c'].map((id) => s.nodes[id]!.arrivals / s.nodes.lb!.arrivals);

  it('round robin sends each backend exactly every third request', () => {
    const s = run(lbDoc('round-robin'), { durationS: 100 });
    const counts = ['a', 'b', 'c'].map((id) => s.nodes[id]!.arrivals);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('weighted and GeoDNS split in proportion to the link weights', () => {
    for (const doc of [lbDoc('weighted', [1, 2, 5]), lbDoc('weighted', [1, 2, 5], { kind: 'geodns', policy: 'weighted' })]) {
      const s = run(doc, { durationS: 300 });
      const n = s.nodes.lb!.arrivals;
      shares(s).forEach((share, i) => expect(Math.abs(share - [1, 2, 5][i]! / 8)).toBeLessThan(4 * Math.sqrt(0.25 / n)));
    }
  });

  it('random splits evenly', () => {
    const s = run(lbDoc('random'), { durationS: 300 });
    shares(s).forEach((share) => expect(Math.abs(share - 1 / 3)).toBeLessThan(4 * Math.sqrt(0.25 / s.nodes.lb!.arrivals)));
  });

  it('least connections avoids a slow backend', () => {
    const doc = topology({ src: source(100), lb: { kind: 'load-balancer', algorithm: 'least-connections', overheadMs: 0 }, fast: box(1, { concurrency: 1000 }), slow: box(200, { concurrency: 1000 }) }, [
      call('src', 'lb'),
      call('lb', 'fast'),
      call('lb', 'slow'),
    ]);
    const s = run(doc, { durationS: 300 });
    expect(s.nodes.fast!.arrivals).toBeGreaterThan(3 * s.nodes.slow!.arrivals);
  });

  it('the balancer overhead counts as time in the balancer', () => {
    const s = run(lbDoc('round-robin', [1, 1, 1], { kind: 'load-balancer', overheadMs: 0.5 }), { durationS: 50 });
    expect(s.nodes.lb!.latency_ms.mean).toBeCloseTo(0.5, 6);
    expect(s.sources.src!.latency_ms.mean).toBeCloseTo(1.5, 6);
  });
});
