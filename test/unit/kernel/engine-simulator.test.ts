// The event loop: order by (time, priority, sequence), cancel, runUntil, step, stop, budgets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITY_LATE, PRIORITY_NORMAL, PRIORITY_URGENT, Simulator } from '../../../src-main/kernel/engine/index.js';

function recorder(sim: Simulator) {
  const seen: [number, number][] = [];
  const kind = sim.register((p) => seen.push([sim.now, p]));
  return { seen, kind };
}

describe('Simulator', () => {
  it('handles events in time order, then priority, then the order they were scheduled', () => {
    const sim = new Simulator();
    const { seen, kind } = recorder(sim);
    sim.schedule(5, PRIORITY_NORMAL, kind, 1);
    sim.schedule(1, PRIORITY_NORMAL, kind, 2);
    sim.schedule(5, PRIORITY_URGENT, kind, 3);
    sim.schedule(5, PRIORITY_NORMAL, kind, 4);
    sim.schedule(5, PRIORITY_LATE, kind, 5);
    sim.schedule(0, PRIORITY_NORMAL, kind, 6);
    expect(sim.runUntil(Infinity)).toBe('empty');
    expect(seen).toEqual([[0, 6], [1, 2], [5, 3], [5, 1], [5, 4], [5, 5]]);
    expect(sim.eventsProcessed).toBe(6);
  });

  it('pops in (time, priority, sequence) order for any schedule (property, against a sort)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3 })), { maxLength: 3000 }), (items) => {
        const sim = new Simulator();
        const { seen, kind } = recorder(sim);
        items.forEach(([t, p], i) => sim.schedule(t, p, kind, i));
        sim.runUntil(Infinity);
        const expected = items.map(([t, p], i) => ({ t, p, i })).sort((a, b) => a.t - b.t || a.p - b.p || a.i - b.i);
        expect(seen.map(([, i]) => i)).toEqual(expected.map((e) => e.i));
      }),
      { numRuns: 60 },
    );
  });

  it('schedules from handlers relative to now, and keeps order across a grown heap', () => {
    const sim = new Simulator();
    let last = -1;
    let count = 0;
    let x = 12345;
    const kind = sim.register(() => {
      expect(sim.now).toBeGreaterThanOrEqual(last);
      last = sim.now;
      count++;
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      if (count < 50_000) sim.schedule((x % 1000) / 10, PRIORITY_NORMAL, kind);
    });
    for (let i = 0; i < 5000; i++) sim.schedule(i % 97, PRIORITY_NORMAL, kind);
    sim.runUntil(Infinity);
    expect(count).toBe(50_000 + 4999);
  });

  it('cancels a pending event once; a handle of a handled or reused slot cancels nothing', () => {
    const sim = new Simulator();
    const { seen, kind } = recorder(sim);
    const a = sim.schedule(1, PRIORITY_NORMAL, kind, 1);
    const b = sim.schedule(2, PRIORITY_NORMAL, kind, 2);
    expect(sim.pending).toBe(2);
    expect(sim.cancel(a)).toBe(true);
    expect(sim.cancel(a)).toBe(false);
    expect(sim.pending).toBe(1);
    sim.runUntil(Infinity);
    expect(seen).toEqual([[2, 2]]);
    expect(sim.cancel(b)).toBe(false);
    // The freed slot is reused by the next event; the old handle must not reach it.
    const c = sim.schedule(1, PRIORITY_NORMAL, kind, 3);
    expect(sim.cancel(a)).toBe(false);
    expect(sim.cancel(b)).toBe(false);
    sim.runUntil(Infinity);
    expect(seen).toEqual([[2, 2], [3, 3]]);
    expect(sim.cancel(c)).toBe(false);
    expect(sim.eventsProcessed).toBe(2);
  });

  it('runUntil handles events up to and including the time, then sets now to it', () => {
    const sim = new Simulator();
    const { seen, kind } = recorder(sim);
    for (const t of [1, 2, 3, 4]) sim.schedule(t, PRIORITY_NORMAL, kind, t);
    expect(sim.runUntil(2)).toBe('until');
    expect(seen.map(([, p]) => p)).toEqual([1, 2]);
    expect(sim.now).toBe(2);
    expect(sim.runUntil(10)).toBe('until');
    expect(sim.now).toBe(10);
    expect(seen).toHaveLength(4);
  });

  it('stops at maxEvents, at stop() from a handler, and steps one event at a time', () => {
    const sim = new Simulator();
    const seen: number[] = [];
    const kind = sim.register((p) => {
      seen.push(p);
      if (p === 5) sim.stop();
    });
    for (let i = 1; i <= 8; i++) sim.schedule(i, PRIORITY_NORMAL, kind, i);
    expect(sim.runUntil(Infinity, 3)).toBe('max-events');
    expect(seen).toEqual([1, 2, 3]);
    expect(sim.now).toBe(3);
    expect(sim.runUntil(Infinity)).toBe('stopped');
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(sim.step()).toBe(true);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    sim.runUntil(Infinity);
    expect(sim.step()).toBe(false);
  });

  it('refuses negative, NaN or infinite delays and unknown kinds', () => {
    const sim = new Simulator();
    const kind = sim.register(() => undefined);
    expect(() => sim.schedule(-1, PRIORITY_NORMAL, kind)).toThrow(RangeError);
    expect(() => sim.schedule(Number.NaN, PRIORITY_NORMAL, kind)).toThrow(RangeError);
    expect(() => sim.schedule(Infinity, PRIORITY_NORMAL, kind)).toThrow(RangeError);
    expect(() => sim.schedule(1, PRIORITY_NORMAL, kind + 1)).toThrow(RangeError);
    expect(() => sim.schedule(1, 1.5, kind)).toThrow(RangeError);
  });
});
