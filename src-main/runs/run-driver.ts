// Drives a kernel run on the Node event loop: a pacer advances it in ticks (as fast as
// possible, or paced to a multiple of wall time), and what it recorded goes to a sink in
// batches. The worker and the CLI share it, so a run behaves the same in both.
import type { RunSpeed } from '../../src-preload/contract/index.js';
import { createPacer, type Pacer, type Run, type RunRecords } from '../kernel/index.js';

export interface DriverProgress {
  simulatedMs: number;
  events: number;
  paused: boolean;
}

export interface DriverSink {
  /** Records since the last batch and where the run is; called at most every batchIntervalMs while running. */
  batch(records: RunRecords, progress: DriverProgress): void;
}

export interface DriverOptions {
  speed: RunSpeed;
  clock?: () => number;
  /** Wall ms between batches (default 50). */
  batchIntervalMs?: number;
  /** Events per tick at most: how long the loop may hold the thread (default 50,000). */
  maxEventsPerTick?: number;
}

/** Wall ms between ticks of a paced run. */
const PACED_TICK_MS = 10;

export class RunDriver {
  private readonly pacer: Pacer;
  private readonly clock: () => number;
  private readonly batchIntervalMs: number;
  private speed: RunSpeed;
  private lastBatch = -Infinity;
  private scheduled = false;
  private settle: { resolve: () => void; reject: (err: unknown) => void } | undefined;
  private settled = false;

  constructor(
    private readonly run: Run,
    options: DriverOptions,
    private readonly sink: DriverSink,
  ) {
    this.clock = options.clock ?? (() => performance.now());
    this.batchIntervalMs = options.batchIntervalMs ?? 50;
    this.speed = options.speed;
    this.pacer = createPacer(run, { clock: this.clock, speed: options.speed, maxEventsPerTick: options.maxEventsPerTick ?? 50_000 });
  }

  get paused(): boolean {
    return this.pacer.paused;
  }

  /** Runs until the kernel is done (or a budget stopped it); rejects when the kernel throws. */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      this.schedule();
    });
  }

  pause(): void {
    this.pacer.pause();
  }

  resume(): void {
    this.pacer.resume();
    this.schedule();
  }

  /** Handles up to `events` events (meant for a paused run) and reports them at once. */
  step(events: number): void {
    this.guard(() => {
      if (events > 1) this.run.advance({ maxEvents: events - 1 });
      this.pacer.step();
      this.flush();
      this.finishIfDone();
    });
  }

  setSpeed(speed: RunSpeed): void {
    this.speed = speed;
    this.pacer.setSpeed(speed);
  }

  private schedule(): void {
    if (this.scheduled || this.settled) return;
    this.scheduled = true;
    if (this.speed === 'max') setImmediate(this.loop);
    else setTimeout(this.loop, PACED_TICK_MS);
  }

  private readonly loop = (): void => {
    this.scheduled = false;
    if (this.settled) return;
    if (this.pacer.paused) {
      this.flush();
      return; // resume() schedules again
    }
    this.guard(() => {
      this.pacer.tick();
      if (this.finishIfDone()) return;
      if (this.clock() - this.lastBatch >= this.batchIntervalMs) this.flush();
      this.schedule();
    });
  };

  private finishIfDone(): boolean {
    if (!this.run.done || this.settled) return this.settled;
    this.flush();
    this.settled = true;
    this.settle?.resolve();
    return true;
  }

  private flush(): void {
    this.lastBatch = this.clock();
    this.sink.batch(this.run.drain(), { simulatedMs: this.run.now, events: this.run.eventsProcessed, paused: this.pacer.paused });
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch (err) {
      if (this.settled) throw err;
      this.settled = true;
      this.settle?.reject(err);
    }
  }
}
