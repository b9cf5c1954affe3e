// The discrete-event loop, as SimPy's core: a heap of (time, priority, sequence, event),
// `step`, `runUntil`. Events are integer slots in typed arrays (a kind and a numeric payload),
// so scheduling allocates nothing; handlers are registered once per kind. Pacing and metrics
// live outside this loop.
import { EventQueue } from './event-queue.js';
import { TimerLane } from './timer-lane.js';

/** Handles one kind of event; the payload is a number the model chose (e.g. a request id). */
export type EventHandler = (payload: number) => void;
/** An integer returned by `register`. */
export type EventKind = number;
/** An opaque number naming one scheduled event, for `cancel`. */
export type EventHandle = number;

/** Lower runs first among events at the same time (SimPy: URGENT before NORMAL). */
export const PRIORITY_URGENT = 0;
export const PRIORITY_NORMAL = 1;
export const PRIORITY_LATE = 2;
export const MAX_PRIORITY = 1023;

/** Why `runUntil` returned. */
export type StopReason = 'until' | 'empty' | 'max-events' | 'stopped';

const CANCELLED = -1;
const FREE = -2;
// Slot and generation share one handle; 2^25 slots bound the events pending at once.
const SLOT_BITS = 25;
const SLOT_LIMIT = 2 ** SLOT_BITS;
const GEN_LIMIT = 2 ** 27;
// tie = priority · 2^43 + sequence: exact in a double while sequence < 2^43.
const SEQ_LIMIT = 2 ** 43;
// A lane's wake-up event has kind WAKE − lane (below CANCELLED and FREE).
const WAKE = -3;
// Lane timer handles: 2^52 + sequence · 2^12 + lane, above every heap handle (< 2^52).
const LANE_HANDLE_BASE = 2 ** 52;
const LANE_LIMIT = 2 ** 12;

export class Simulator {
  /** Simulated time in milliseconds. */
  now = 0;
  /** Events handled so far (cancelled ones are not counted). */
  eventsProcessed = 0;

  private readonly queue = new EventQueue();
  private readonly handlers: EventHandler[] = [];
  private readonly lanes: TimerLane[] = [];
  private kinds = new Int32Array(1024).fill(FREE);
  private payloads = new Float64Array(1024);
  private gens = new Int32Array(1024);
  private free = new Int32Array(1024);
  private freeTop = 0;
  private used = 0;
  private seq = 0;
  private live = 0;
  private stopRequested = false;

  /** Registers the handler for a kind of event. */
  register(handler: EventHandler): EventKind {
    this.handlers.push(handler);
    return this.handlers.length - 1;
  }

  /**
   * A lane of timers of one kind that all run `delayMs` (e.g. one station's timeout): they
   * expire in the order they start, so they wait in a FIFO instead of the heap. Start them
   * with `startTimer`; `cancel` takes their handles too.
   */
  createLane(kind: EventKind, delayMs: number, priority = PRIORITY_NORMAL): number {
    if (!(kind >= 0 && kind < this.handlers.length)) throw new RangeError(`unknown event kind ${kind}`);
    if (!(delayMs >= 0 && delayMs < Infinity)) throw new RangeError(`timer delay must be a finite number ≥ 0, not ${delayMs}`);
    if (!(priority >= 0 && priority <= MAX_PRIORITY) || (priority | 0) !== priority) throw new RangeError(`priority must be an integer 0…${MAX_PRIORITY}`);
    if (this.lanes.length === LANE_LIMIT) throw new RangeError(`more than ${LANE_LIMIT} timer lanes`);
    this.lanes.push(new TimerLane(kind, delayMs, priority));
    return this.lanes.length - 1;
  }

  /** Starts a timer on a lane: its kind's handler gets `payload` after the lane's delay, unless cancelled. */
  startTimer(lane: number, payload = 0): EventHandle {
    const l = this.lanes[lane];
    if (l === undefined) throw new RangeError(`unknown timer lane ${lane}`);
    const seq = l.push(this.now + l.delayMs, payload);
    this.live++;
    if (!l.wakePending) this.wake(lane, this.now + l.delayMs);
    return LANE_HANDLE_BASE + seq * LANE_LIMIT + lane;
  }

  /** Events scheduled and not yet handled or cancelled. */
  get pending(): number {
    return this.live;
  }

  /** Time of the next event still in the queue (it may be a cancelled one); Infinity if none. */
  peekTime(): number {
    return this.queue.minTime();
  }

  schedule(delayMs: number, priority: number, kind: EventKind, payload = 0): EventHandle {
    if (!(delayMs >= 0 && delayMs < Infinity)) throw new RangeError(`event delay must be a finite number ≥ 0, not ${delayMs}`);
    return this.scheduleAt(this.now + delayMs, priority, kind, payload);
  }

  scheduleAt(timeMs: number, priority: number, kind: EventKind, payload = 0): EventHandle {
    if (!(timeMs >= this.now && timeMs < Infinity)) throw new RangeError(`event time ${timeMs} is before now (${this.now}) or not finite`);
    if (!(priority >= 0 && priority <= MAX_PRIORITY) || (priority | 0) !== priority) throw new RangeError(`priority must be an integer 0…${MAX_PRIORITY}`);
    if (!(kind >= 0 && kind < this.handlers.length)) throw new RangeError(`unknown event kind ${kind}`);
    if (this.seq >= SEQ_LIMIT) throw new RangeError('too many events scheduled in one run');
    const slot = this.allocSlot();
    this.kinds[slot] = kind;
    this.payloads[slot] = payload;
    this.live++;
    this.queue.push(timeMs, priority * SEQ_LIMIT + this.seq++, slot);
    return this.gens[slot]! * SLOT_LIMIT + slot;
  }

  /** Cancels a pending event; false when it already ran or was cancelled. */
  cancel(handle: EventHandle): boolean {
    if (handle >= LANE_HANDLE_BASE) {
      const lane = (handle - LANE_HANDLE_BASE) % LANE_LIMIT;
      const cancelled = this.lanes[lane]?.cancel((handle - LANE_HANDLE_BASE - lane) / LANE_LIMIT) === true;
      if (cancelled) this.live--;
      return cancelled;
    }
    const slot = handle % SLOT_LIMIT;
    const gen = (handle - slot) / SLOT_LIMIT;
    if (!(slot >= 0 && slot < this.used) || this.gens[slot] !== gen || this.kinds[slot]! < 0) return false;
    this.kinds[slot] = CANCELLED;
    this.live--;
    return true;
  }

  /** Handles the next event; false when there is none. */
  step(): boolean {
    return this.runUntil(Infinity, 1) === 'max-events';
  }

  /** Asks the loop to return after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Handles events up to and including time `untilMs`, then sets `now` to it (as SimPy's
   * `run(until)`), unless `maxEvents` or `stop()` ends the call first.
   */
  runUntil(untilMs: number, maxEvents = Infinity): StopReason {
    this.stopRequested = false;
    const queue = this.queue;
    // Not the slot arrays: a handler may grow (replace) them.
    const handlers = this.handlers;
    let handled = 0;
    while (handled < maxEvents) {
      if (this.stopRequested) return 'stopped';
      if (queue.size === 0) break;
      const t = queue.minTime();
      if (t > untilMs) break;
      const slot = queue.pop();
      const kind = this.kinds[slot]!;
      const payload = this.payloads[slot]!;
      this.releaseSlot(slot);
      if (kind <= WAKE) {
        // A lane's wake-up: fire its first timer if it is due (it may have been cancelled).
        const lane = WAKE - kind;
        const l = this.lanes[lane]!;
        l.wakePending = false;
        if (l.firstLive() <= t) {
          const timerPayload = l.shift();
          this.live--;
          this.now = t;
          this.eventsProcessed++;
          handled++;
          handlers[l.kind]!(timerPayload);
        }
        if (!l.wakePending) {
          const next = l.firstLive();
          if (next < Infinity) this.wake(lane, next);
        }
        continue;
      }
      if (kind === CANCELLED) continue;
      this.live--;
      this.now = t;
      this.eventsProcessed++;
      handled++;
      handlers[kind]!(payload);
    }
    if (handled >= maxEvents) return 'max-events';
    if (this.stopRequested) return 'stopped';
    if (untilMs === Infinity) return 'empty';
    if (untilMs > this.now) this.now = untilMs;
    return 'until';
  }

  /** Puts a lane's wake-up event in the heap (not counted as pending: its timers are). */
  private wake(lane: number, timeMs: number): void {
    if (this.seq >= SEQ_LIMIT) throw new RangeError('too many events scheduled in one run');
    const l = this.lanes[lane]!;
    const slot = this.allocSlot();
    this.kinds[slot] = WAKE - lane;
    this.payloads[slot] = 0;
    this.queue.push(timeMs, l.priority * SEQ_LIMIT + this.seq++, slot);
    l.wakePending = true;
  }

  private allocSlot(): number {
    if (this.freeTop > 0) return this.free[--this.freeTop]!;
    if (this.used === this.kinds.length) this.growSlots();
    return this.used++;
  }

  private releaseSlot(slot: number): void {
    this.kinds[slot] = FREE;
    const g = this.gens[slot]! + 1;
    this.gens[slot] = g === GEN_LIMIT ? 0 : g;
    this.free[this.freeTop++] = slot;
  }

  private growSlots(): void {
    const c = this.kinds.length * 2;
    if (c > SLOT_LIMIT) throw new RangeError(`more than ${SLOT_LIMIT} events pending at once`);
    const kinds = new Int32Array(c).fill(FREE);
    kinds.set(this.kinds);
    const payloads = new Float64Array(c);
    payloads.set(this.payloads);
    const gens = new Int32Array(c);
    gens.set(this.gens);
    const free = new Int32Array(c);
    free.set(this.free);
    this.kinds = kinds;
    this.payloads = payloads;
    this.gens = gens;
    this.free = free;
  }
}

