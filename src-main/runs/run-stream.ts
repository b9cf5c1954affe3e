// What the renderer hears of one run: progress and records, gathered and sent together at
// most every intervalMs (two messages per flush: at most 20 a second at the default 100 ms),
// however fast the kernel goes. The live stream is bounded per flush; storage has everything.
import type { RunEventDto, RunInfo, RunStateName, SeriesFrameDto } from '../../src-preload/contract/index.js';
import type { EventBus } from '../app/event-bus.js';
import type { RunEvent, SeriesFrame } from '../kernel/index.js';

/** Records per flush at most; a burst beyond it is counted as droppedEvents (or frames skipped). */
export const MAX_STREAM_EVENTS = 2_000;
export const MAX_STREAM_FRAMES = 500;
export const STREAM_INTERVAL_MS = 100;

export interface StreamProgress {
  state: RunStateName;
  simulatedMs: number;
  endMs: number;
  events: number;
}

export const frameToDto = (f: SeriesFrame): SeriesFrameDto => ({ tMs: f.tMs, values: Array.from(f.values, (v) => (Number.isNaN(v) ? null : v)) });

/** Kernel events, and events from outside the kernel (chaos on real containers) already in DTO form. */
export const eventToDto = (e: RunEvent | RunEventDto): RunEventDto => ({
  tMs: e.tMs,
  type: e.type,
  ...(e.target === undefined ? {} : { target: e.target }),
  message: e.message,
  severity: e.severity,
  ...(e.data === undefined ? {} : { data: { ...e.data } }),
});

export class RunStream {
  private frames: SeriesFrame[] = [];
  private events: (RunEvent | RunEventDto)[] = [];
  private droppedEvents = 0;
  private progress: StreamProgress | undefined;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = -Infinity;
  private rateFrom: { wall: number; events: number } | undefined;
  private eventsPerSecond = 0;

  constructor(
    private readonly id: string,
    private readonly bus: EventBus,
    private readonly intervalMs = STREAM_INTERVAL_MS,
  ) {}

  update(progress: StreamProgress): void {
    this.progress = progress;
    this.dirty = true;
    this.schedule();
  }

  records(frames: readonly SeriesFrame[], events: readonly (RunEvent | RunEventDto)[]): void {
    for (const f of frames) {
      if (this.frames.length >= MAX_STREAM_FRAMES) this.frames.shift();
      this.frames.push(f);
    }
    for (const e of events) {
      if (this.events.length >= MAX_STREAM_EVENTS) this.droppedEvents++;
      else this.events.push(e);
    }
    if (frames.length > 0 || events.length > 0) this.schedule();
  }

  /** Sends what is pending now, then the run's final word. */
  finish(info: RunInfo): void {
    this.close();
    this.flush();
    this.bus.emit('runFinished', info);
  }

  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  private flush(): void {
    const now = Date.now();
    this.lastFlush = now;
    if (this.dirty && this.progress) {
      this.dirty = false;
      this.measureRate(now, this.progress.events);
      this.bus.emit('runProgress', { id: this.id, ...this.progress, eventsPerSecond: this.eventsPerSecond });
    }
    if (this.frames.length > 0 || this.events.length > 0) {
      this.bus.emit('runRecords', { id: this.id, frames: this.frames.map(frameToDto), events: this.events.map(eventToDto), droppedEvents: this.droppedEvents });
      this.frames = [];
      this.events = [];
      this.droppedEvents = 0;
    }
  }

  /** Events per wall second over the last second or so (smooth enough to read). */
  private measureRate(wall: number, events: number): void {
    if (this.rateFrom === undefined) {
      this.rateFrom = { wall, events };
      return;
    }
    const span = wall - this.rateFrom.wall;
    if (span >= 250) {
      this.eventsPerSecond = Math.max(0, ((events - this.rateFrom.events) * 1000) / span);
      this.rateFrom = { wall, events };
    }
  }
}
