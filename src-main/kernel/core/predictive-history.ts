// A node's arrival rate per step, kept during a run for its forecaster: requests counted
// between syncs are added to the open step, which closes once stepMs has passed.

export class ArrivalHistory {
  private readonly rates: Float64Array;
  private count = 0;
  private head = 0;
  private stepStartMs = 0;
  private stepArrivals = 0;
  private lastTotal = 0;

  constructor(
    readonly stepMs: number,
    /** Steps kept at most (the forecaster's window, or more). */
    capacity: number,
  ) {
    this.rates = new Float64Array(Math.max(1, capacity));
  }

  /** Steps closed since the start (it changes exactly when `values()` does). */
  closed = 0;

  get length(): number {
    return this.count;
  }

  /** The node's lifetime arrivals at `nowMs`; closes every step that ended by then. */
  record(nowMs: number, lifetimeArrivals: number): void {
    this.stepArrivals += lifetimeArrivals - this.lastTotal;
    this.lastTotal = lifetimeArrivals;
    while (nowMs - this.stepStartMs >= this.stepMs) {
      const rps = (this.stepArrivals * 1000) / this.stepMs;
      this.rates[this.head] = rps;
      this.head = (this.head + 1) % this.rates.length;
      this.count = Math.min(this.count + 1, this.rates.length);
      this.stepStartMs += this.stepMs;
      this.closed++;
      // Arrivals of a sync longer than a step fill the first step; later ones see none.
      this.stepArrivals = 0;
    }
  }

  /** Rates in requests per second, oldest first. */
  values(): Float64Array {
    const out = new Float64Array(this.count);
    const start = (this.head - this.count + this.rates.length) % this.rates.length;
    for (let i = 0; i < this.count; i++) out[i] = this.rates[(start + i) % this.rates.length]!;
    return out;
  }
}
