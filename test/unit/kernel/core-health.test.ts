// Balancer health checks: a target that goes down keeps getting requests (which fail) until
// the next check takes it out of rotation; it comes back at the first check after it is up.
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src-main/kernel/core/network.js';
import { buildPlan } from '../../../src-main/kernel/core/plan.js';
import { Simulator } from '../../../src-main/kernel/engine/simulator.js';
import { topology } from './helpers/documents.js';

const box = { kind: 'container' as const, concurrency: 100, serviceTime: { default: { type: 'constant' as const, valueMs: 1 } } };

function balanced(faults: unknown[]) {
  const doc = topology(
    {
      src: { kind: 'traffic-source', rate: { type: 'constant', rps: 100 }, arrivals: 'deterministic' },
      lb: { kind: 'load-balancer', algorithm: 'round-robin', overheadMs: 0, healthCheckIntervalS: 5 },
      a: box,
      b: box,
    },
    [
      { type: 'call', from: 'src', to: 'lb', latencyMs: 0 },
      { type: 'call', from: 'lb', to: 'a', latencyMs: 0 },
      { type: 'call', from: 'lb', to: 'b', latencyMs: 0 },
    ],
    { faults: faults as never },
  );
  const sim = new Simulator();
  const net = new Network(sim, buildPlan(doc), { seed: 1, endMs: 60_000, warmupMs: 0, maxInFlight: 1e6 });
  net.start();
  return { sim, net };
}

describe('balancer health checks', () => {
  it('takes a failed target out at the next check and puts it back at the first check after it recovers', () => {
    // b's only instance fails at 12 s for 20 s (back, ready at once, at 32 s); checks every 5 s.
    const { sim, net } = balanced([{ type: 'pod-failure', at: 12, target: 'b', durationS: 20, count: 1 }]);
    const [src, , a, b] = [0, 1, 2, 3].map((i) => net.metrics[i]!);
    const snap = () => ({ errors: src!.errors, a: a!.arrivals, b: b!.arrivals, bRefused: b!.rejected });
    sim.runUntil(11_999);
    const before = snap();
    expect(before.errors).toBe(0);
    expect(Math.abs(before.a - before.b)).toBeLessThanOrEqual(1);
    // 12 s → 15 s: b is down but still in rotation: half the requests go there and fail.
    sim.runUntil(14_999);
    const detecting = snap();
    expect(net.isUp(3)).toBe(false);
    expect(detecting.errors).toBeGreaterThanOrEqual(148);
    expect(detecting.errors).toBeLessThanOrEqual(152);
    expect(detecting.bRefused - before.bRefused).toBe(detecting.errors);
    // From the check at 15 s on, everything goes to a.
    sim.runUntil(31_999);
    const out = snap();
    expect(out.errors).toBe(detecting.errors);
    expect(out.b).toBe(detecting.b); // the check at 15 s was scheduled before the arrival at 15 s
    // b is up again at 32 s, back in rotation from the check at 35 s.
    sim.runUntil(34_999);
    expect(net.isUp(3)).toBe(true);
    expect(snap().b).toBe(out.b);
    sim.runUntil(45_000);
    const back = snap();
    expect(back.b - out.b).toBeGreaterThanOrEqual(490);
    expect(back.errors).toBe(detecting.errors);
  });

  it('sends to every target when none passes its check (all down: requests fail, none is lost)', () => {
    const { sim, net } = balanced([
      { type: 'pod-failure', at: 10, target: 'a', durationS: 10, count: 1 },
      { type: 'pod-failure', at: 10, target: 'b', durationS: 10, count: 1 },
    ]);
    sim.runUntil(19_999);
    const src = net.metrics[0]!;
    expect(src.errors).toBeGreaterThanOrEqual(999);
    expect(src.errors).toBeLessThanOrEqual(1001);
    expect(src.arrivals).toBe(src.completions + src.errors);
  });
});

describe('balancer connections', () => {
  it('refuses requests beyond maxConnections held at once', () => {
    // 100/s evenly, each held 100 ms by the target: 10 would be open; the balancer allows 5.
    const doc = topology(
      {
        src: { kind: 'traffic-source', rate: { type: 'constant', rps: 100 }, arrivals: 'deterministic' },
        lb: { kind: 'load-balancer', overheadMs: 0, maxConnections: 5 },
        a: { kind: 'container', concurrency: 100, serviceTime: { default: { type: 'constant', valueMs: 100 } } },
      },
      [
        { type: 'call', from: 'src', to: 'lb', latencyMs: 0 },
        { type: 'call', from: 'lb', to: 'a', latencyMs: 0 },
      ],
    );
    const sim = new Simulator();
    const net = new Network(sim, buildPlan(doc), { seed: 1, endMs: 10_000, warmupMs: 0, maxInFlight: 1e6 });
    net.start();
    sim.runUntil(10_000);
    const lb = net.metrics[1]!;
    expect(Math.abs(lb.rejected / lb.arrivals - 0.5)).toBeLessThan(0.01);
    expect(net.metrics[2]!.busy.max).toBe(5);
  });
});
