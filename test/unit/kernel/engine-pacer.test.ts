// Pacing outside the loop: simulated time follows an injected clock at N×, pause/resume/step.
import { describe, expect, it } from 'vitest';
import { createPacer, PRIORITY_NORMAL, Simulator, type Advanceable } from '../../../src-main/kernel/engine/index.js';
import { createRun } from '../../../src-main/kernel/index.js';
import { singleStation } from './helpers/documents.js';

/** A simulator with one event per simulated millisecond, behind the Advanceable interface. */
function ticking(endMs: number): Advanceable & { sim: Simulator } {
  const sim = new Simulator();
  const kind = sim.register(() => {
    if (sim.now < endMs) sim.schedule(1, PRIORITY_NORMAL, kind);
  });
  sim.schedule(0, PRIORITY_NORMAL, kind);
  return {
    sim,
    get now() {
      return sim.now;
    },
    get done() {
      return sim.pending === 0;
    },
    advance({ untilMs = Infinity, maxEvents = Infinity }) {
      return sim.runUntil(untilMs, maxEvents);
    },
  };
}

describe('pacer', () => {
  it('runs at 10× the injected wall clock, and only as far as the clock allows', () => {
    let wall = 1000;
    const target = ticking(1e6);
    const pacer = createPacer(target, { clock: () => wall, speed: 10 });
    expect(pacer.tick()).toBe(0);
    wall += 50;
    expect(pacer.tick()).toBe(500);
    wall += 25;
    expect(pacer.tick()).toBe(750);
    expect(target.sim.eventsProcessed).toBe(751);
  });

  it('pause holds simulated time while the clock moves; resume does not jump; step handles one event', () => {
    let wall = 0;
    const target = ticking(1e6);
    const pacer = createPacer(target, { clock: () => wall, speed: 2 });
    wall = 100;
    expect(pacer.tick()).toBe(200);
    pacer.pause();
    wall = 1000;
    expect(pacer.tick()).toBe(200);
    const before = target.sim.eventsProcessed;
    pacer.step();
    expect(target.sim.eventsProcessed).toBe(before + 1);
    pacer.resume();
    wall = 1010;
    expect(pacer.tick()).toBeCloseTo(221, 6);
  });

  it("'max' runs in bounded chunks per tick, and a slow kernel does not catch up in a burst", () => {
    let wall = 0;
    const target = ticking(1e6);
    const pacer = createPacer(target, { clock: () => wall, speed: 'max', maxEventsPerTick: 1000 });
    pacer.tick();
    expect(target.sim.eventsProcessed).toBe(1000);
    pacer.setSpeed(1000);
    wall = 100; // wants 100,000 ms more, but only 1000 events per tick
    pacer.tick();
    expect(target.sim.eventsProcessed).toBe(2000);
    expect(target.now).toBe(1999);
    wall = 100.5; // re-anchored at (1999, wall 100): half a wall ms more is 500 simulated ms
    expect(pacer.tick()).toBe(2499);
    expect(() => pacer.setSpeed(0)).toThrow(RangeError);
  });
});

describe('pacer over a run', () => {
  it('drives createRun at 100× an injected clock, and the run ends done', () => {
    const run = createRun(singleStation(8, { service: { type: 'exponential', meanMs: 100 } }), { durationS: 60, warmupS: 0 });
    let wall = 0;
    const pacer = createPacer(run, { clock: () => wall, speed: 100 });
    wall = 100; // 10 simulated seconds
    expect(pacer.tick()).toBe(10_000);
    wall = 10_000;
    pacer.tick();
    expect(run.done).toBe(true);
    expect(run.now).toBe(60_000);
  });
});
