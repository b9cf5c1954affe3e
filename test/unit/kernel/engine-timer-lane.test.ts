// Timer lanes: timers of one delay wait in a FIFO instead of the heap. They must behave
// exactly like the same timers scheduled in the heap: same times, same payloads, cancel.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITY_NORMAL, Simulator } from '../../../src-main/kernel/engine/index.js';

describe('timer lanes', () => {
  it('fire after the lane delay, in the order started, between heap events by time', () => {
    const sim = new Simulator();
    const seen: string[] = [];
    const timer = sim.register((p) => seen.push(`timer ${p} @${sim.now}`));
    const other = sim.register((p) => seen.push(`event ${p} @${sim.now}`));
    const lane = sim.createLane(timer, 10);
    sim.startTimer(lane, 1); // due 10
    sim.schedule(5, PRIORITY_NORMAL, other, 7);
    sim.runUntil(3);
    sim.startTimer(lane, 2); // due 13
    sim.schedule(12, PRIORITY_NORMAL, other, 8); // due 15
    expect(sim.pending).toBe(4);
    expect(sim.runUntil(Infinity)).toBe('empty');
    expect(seen).toEqual(['event 7 @5', 'timer 1 @10', 'timer 2 @13', 'event 8 @15']);
    expect(sim.eventsProcessed).toBe(4);
    expect(sim.pending).toBe(0);
  });

  it('cancelled timers never fire and are not counted; cancel says whether it cancelled', () => {
    const sim = new Simulator();
    const fired: number[] = [];
    const lane = sim.createLane(sim.register((p) => fired.push(p)), 100);
    const handles = Array.from({ length: 500 }, (_, i) => sim.startTimer(lane, i));
    for (let i = 0; i < 500; i++) if (i % 7 !== 3) expect(sim.cancel(handles[i]!)).toBe(true);
    expect(sim.cancel(handles[0]!)).toBe(false);
    expect(sim.pending).toBe(handles.filter((_, i) => i % 7 === 3).length);
    sim.runUntil(Infinity);
    expect(fired).toEqual(Array.from({ length: 500 }, (_, i) => i).filter((i) => i % 7 === 3));
    expect(sim.eventsProcessed).toBe(fired.length);
    expect(sim.cancel(handles[3]!)).toBe(false); // already fired
  });

  it('behaves as the same timers in the heap for any mix of starts, cancels and advances (property)', () => {
    type Op = { type: 'start'; lane: number } | { type: 'cancel'; pick: number } | { type: 'advance'; by: number };
    const op = fc.oneof(
      fc.record({ type: fc.constant('start' as const), lane: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ type: fc.constant('cancel' as const), pick: fc.nat() }),
      fc.record({ type: fc.constant('advance' as const), by: fc.integer({ min: 0, max: 40 }) }),
    );
    const delays = [0, 7, 25];
    const play = (ops: Op[], useLanes: boolean): string[] => {
      const sim = new Simulator();
      const seen: string[] = [];
      const kinds = delays.map((_, l) => sim.register((p) => seen.push(`${l}:${p}@${sim.now}`)));
      const lanes = delays.map((d, l) => sim.createLane(kinds[l]!, d));
      const handles: number[] = [];
      let payload = 0;
      for (const o of ops) {
        if (o.type === 'start') {
          const p = payload++;
          handles.push(useLanes ? sim.startTimer(lanes[o.lane]!, p) : sim.schedule(delays[o.lane]!, PRIORITY_NORMAL, kinds[o.lane]!, p));
        } else if (o.type === 'cancel') {
          if (handles.length > 0) seen.push(`cancel ${String(sim.cancel(handles[o.pick % handles.length]!))}`);
        } else sim.runUntil(sim.now + o.by);
        seen.push(`pending ${sim.pending}`);
      }
      sim.runUntil(Infinity);
      seen.push(`events ${sim.eventsProcessed}`);
      return seen;
    };
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        // Timers of different lanes due at the same time may fire in another order than in
        // the heap (their wake-ups were queued at other moments): compare per time.
        const norm = (xs: string[]) => [...xs].sort();
        expect(norm(play(ops, true))).toEqual(norm(play(ops, false)));
        const byLane = (xs: string[], l: number) => xs.filter((x) => x.startsWith(`${l}:`));
        for (let l = 0; l < delays.length; l++) expect(byLane(play(ops, true), l)).toEqual(byLane(play(ops, false), l));
      }),
      { numRuns: 300 },
    );
  });

  it('grows past its first ring and keeps the order', () => {
    const sim = new Simulator();
    const fired: number[] = [];
    const lane = sim.createLane(sim.register((p) => fired.push(p)), 1);
    for (let i = 0; i < 5000; i++) sim.startTimer(lane, i);
    sim.runUntil(Infinity);
    expect(fired).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it('refuses an unknown kind, a bad delay and an unknown lane', () => {
    const sim = new Simulator();
    expect(() => sim.createLane(3, 10)).toThrow(/unknown event kind/);
    const k = sim.register(() => undefined);
    expect(() => sim.createLane(k, -1)).toThrow(/delay/);
    expect(() => sim.createLane(k, Infinity)).toThrow(/delay/);
    expect(() => sim.startTimer(9)).toThrow(/unknown timer lane/);
  });
});
