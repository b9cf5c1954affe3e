// Timers that all run for the same delay expire in the order they start, so a FIFO ring
// holds them instead of the event heap. Client and station timeouts are such timers: one
// per request, nearly all cancelled. In the heap they would make it thousands deep (every
// pop pays for that) and cost a push and a pop each; here start and cancel are O(1), and the
// lane keeps one wake-up event in the heap for its earliest live timer.

export class TimerLane {
  private deadline: Float64Array;
  private payload: Float64Array;
  private alive: Uint8Array;
  /** Sequence numbers: `head` is the oldest timer still in the ring, `tail` the next to start. */
  head = 0;
  tail = 0;
  /** Whether a wake-up event for this lane is in the heap. */
  wakePending = false;

  constructor(
    readonly kind: number,
    readonly delayMs: number,
    readonly priority: number,
  ) {
    this.deadline = new Float64Array(64);
    this.payload = new Float64Array(64);
    this.alive = new Uint8Array(64);
  }

  /** Adds a timer ending at `deadline` (not earlier than the previous one); returns its sequence number. */
  push(deadline: number, payload: number): number {
    if (this.tail - this.head === this.deadline.length) this.grow();
    const mask = this.deadline.length - 1;
    const i = this.tail & mask;
    this.deadline[i] = deadline;
    this.payload[i] = payload;
    this.alive[i] = 1;
    return this.tail++;
  }

  /** Cancels the timer with this sequence number; false when it already fired or was cancelled. */
  cancel(seq: number): boolean {
    if (seq < this.head || seq >= this.tail) return false;
    const i = seq & (this.deadline.length - 1);
    if (this.alive[i] === 0) return false;
    this.alive[i] = 0;
    return true;
  }

  /** Drops cancelled timers at the front; returns the deadline of the first live one, or Infinity. */
  firstLive(): number {
    const mask = this.deadline.length - 1;
    while (this.head < this.tail) {
      const i = this.head & mask;
      if (this.alive[i] === 1) return this.deadline[i]!;
      this.head++;
    }
    return Infinity;
  }

  /** Removes the first timer (live, as firstLive() just said) and returns its payload. */
  shift(): number {
    const i = this.head & (this.deadline.length - 1);
    this.alive[i] = 0;
    this.head++;
    return this.payload[i]!;
  }

  private grow(): void {
    const old = this.deadline.length;
    const c = old * 2;
    const deadline = new Float64Array(c);
    const payload = new Float64Array(c);
    const alive = new Uint8Array(c);
    // Keep each timer at sequence & (c − 1).
    for (let s = this.head; s < this.tail; s++) {
      const from = s & (old - 1);
      const to = s & (c - 1);
      deadline[to] = this.deadline[from]!;
      payload[to] = this.payload[from]!;
      alive[to] = this.alive[from]!;
    }
    this.deadline = deadline;
    this.payload = payload;
    this.alive = alive;
  }
}
