// The run: slices, warm-up, budgets that stop with a reason, determinism, independent streams.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src-main/kernel/index.js';
import { network, singleStation, template, topology } from './helpers/documents.js';

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('createRun', () => {
  it('advances in slices to a time or by a number of events, then is done', () => {
    const r = createRun(singleStation(800, { service: { type: 'exponential', meanMs: 1 } }), { durationS: 10, warmupS: 0 });
    expect(r.advance({ untilMs: 2500 })).toBe('running');
    expect(r.now).toBe(2500);
    const before = r.eventsProcessed;
    r.advance({ maxEvents: 1000 });
    expect(r.eventsProcessed).toBe(before + 1000);
    expect(r.advance()).toBe('done');
    expect(r.now).toBe(10_000);
    expect(r.summary().totals).toMatchObject({ simulated_seconds: 10, complete: true, stop_reason: null, events: r.eventsProcessed });
    expect(r.advance()).toBe('done');
  });

  it('leaves the warm-up out of the statistics', () => {
    const doc = topology(
      { src: { kind: 'traffic-source', rate: { type: 'constant', rps: 10 }, arrivals: 'deterministic' }, a: { kind: 'container', serviceTime: { default: { type: 'constant', valueMs: 1 } } } },
      [{ type: 'call', from: 'src', to: 'a', latencyMs: 0 }],
    );
    const s = createRun(doc, { durationS: 100, warmupS: 10 });
    s.advance();
    const summary = s.summary();
    expect(summary.nodes.a!.arrivals).toBe(900); // 10.0 s … 99.9 s
    expect(summary.totals.measured_seconds).toBe(90);
    expect(summary.nodes.a!.throughput_rps).toBeCloseTo(10, 9);
    expect(() => createRun(doc, { durationS: 10, warmupS: 10 })).toThrow(/warm-up/);
  });

  it('stops an overloaded unbounded queue at the in-flight budget with a reason, instead of exhausting memory', () => {
    const r = createRun(singleStation(2000, { service: { type: 'exponential', meanMs: 1 } }), { durationS: 3600, maxInFlight: 10_000 });
    expect(r.advance()).toBe('stopped');
    expect(r.stopReason).toMatch(/more than 10000 requests in flight at \d+\.\d+ s/);
    expect(r.now).toBeLessThan(3_600_000);
    const totals = r.summary().totals;
    expect(totals.complete).toBe(false);
    expect(totals.stop_reason).toBe(r.stopReason);
  });

  it('stops at the event budget with a reason', () => {
    const r = createRun(singleStation(100, { service: { type: 'exponential', meanMs: 1 } }), { durationS: 3600, maxEvents: 5000 });
    expect(r.advance()).toBe('stopped');
    expect(r.eventsProcessed).toBe(5000);
    expect(r.stopReason).toMatch(/event budget \(5000\)/);
  });

  it('gives a byte-identical summary for the same document and seed, and another for another seed', () => {
    const once = (seed: number) => {
      const r = createRun(template('three-tier'), { seed, durationS: 300 });
      r.advance();
      return hashOf(r.summary());
    };
    const a = once(1);
    expect(once(1)).toBe(a);
    expect(once(2)).not.toBe(a);
  });

  it('is the same whether advanced at once or in many slices', () => {
    const doc = template('single-queue');
    const whole = createRun(doc, { durationS: 2000, warmupS: 100 });
    whole.advance();
    const sliced = createRun(doc, { durationS: 2000, warmupS: 100 });
    while (!sliced.done) sliced.advance({ maxEvents: 777 });
    expect(hashOf(sliced.summary())).toBe(hashOf(whole.summary()));
  });

  it('editing one node leaves the randomness of the others alone', () => {
    // A tandem: a's statistics depend only on the arrivals and a's own service times.
    const run = (bMeanMs: number) => {
      const r = createRun(network(500, { a: { service: { type: 'exponential', meanMs: 1 } }, b: { service: { type: 'exponential', meanMs: bMeanMs } } }, [{ from: 'a', to: 'b' }]), { durationS: 100 });
      r.advance();
      return r.summary();
    };
    const x = run(1);
    const y = run(1.5);
    // Everything at a but its response time, which includes the call to b.
    const own = ({ response_ms: _, ...rest }: NonNullable<typeof x.nodes.a>) => rest;
    expect(own(y.nodes.a!)).toEqual(own(x.nodes.a!));
    expect(y.nodes.a!.response_ms).not.toEqual(x.nodes.a!.response_ms);
    expect(y.nodes.b).not.toEqual(x.nodes.b);
  });
});
