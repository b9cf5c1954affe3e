// Pacing outside the loop (as SimPy's rt.py): the host calls `tick()` from its own timer;
// the pacer works out how far simulated time may go from the wall clock the host injected
// (the kernel cannot read a clock itself) and advances the run that far.

/** What a pacer drives: a run, or anything that advances simulated time. */
export interface Advanceable {
  readonly now: number;
  readonly done: boolean;
  advance(limit: { untilMs?: number; maxEvents?: number }): unknown;
}

export interface PacerOptions {
  /** Wall-clock milliseconds (e.g. performance.now), injected by the host. */
  clock: () => number;
  /** 'max': as fast as possible; a number: simulated ms per wall ms (1 … 10,000). */
  speed: 'max' | number;
  /** Events handled per tick at most, so the host stays responsive (default 200,000). */
  maxEventsPerTick?: number;
}

export interface Pacer {
  /** Advances as far as the clock allows; returns the simulated time reached. */
  tick(): number;
  pause(): void;
  resume(): void;
  /** Handles one event (while paused, typically). */
  step(): number;
  setSpeed(speed: 'max' | number): void;
  readonly paused: boolean;
}

export function createPacer(target: Advanceable, options: PacerOptions): Pacer {
  const { clock } = options;
  const maxEvents = options.maxEventsPerTick ?? 200_000;
  let speed = checkSpeed(options.speed);
  let paused = false;
  // Simulated and wall time at the last (re)start of pacing.
  let simAnchor = target.now;
  let wallAnchor = clock();

  const reanchor = (): void => {
    simAnchor = target.now;
    wallAnchor = clock();
  };

  return {
    get paused() {
      return paused;
    },
    tick() {
      if (paused || target.done) return target.now;
      if (speed === 'max') {
        target.advance({ maxEvents });
        return target.now;
      }
      const untilMs = simAnchor + (clock() - wallAnchor) * speed;
      target.advance({ untilMs, maxEvents });
      // Behind the clock (the event budget ran out first): do not try to catch up later in a burst.
      if (target.now < untilMs && !target.done) reanchor();
      return target.now;
    },
    pause() {
      paused = true;
    },
    resume() {
      if (!paused) return;
      paused = false;
      reanchor();
    },
    step() {
      target.advance({ maxEvents: 1 });
      reanchor();
      return target.now;
    },
    setSpeed(next) {
      speed = checkSpeed(next);
      reanchor();
    },
  };
}

function checkSpeed(speed: 'max' | number): 'max' | number {
  if (speed === 'max') return speed;
  if (!(speed > 0 && speed < Infinity)) throw new RangeError(`speed must be 'max' or a positive number, not ${speed}`);
  return speed;
}
