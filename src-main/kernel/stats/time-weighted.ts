// The time average of a piecewise-constant quantity (queue length, requests in system, busy
// servers): the area under it divided by the time observed.

export class TimeWeighted {
  value = 0;
  /** The highest value since the start (or the last reset). */
  max = 0;
  private lastT: number;
  private startT: number;
  private area = 0;
  /** Area observed before the last reset, so that series over the whole run can ignore warm-up resets. */
  private areaBeforeReset = 0;

  constructor(startMs = 0) {
    this.lastT = startMs;
    this.startT = startMs;
  }

  /** The quantity changes by `delta` at time `t`. */
  add(t: number, delta: number): void {
    this.area += this.value * (t - this.lastT);
    this.lastT = t;
    this.value += delta;
    if (this.value > this.max) this.max = this.value;
  }

  set(t: number, value: number): void {
    this.add(t, value - this.value);
  }

  /** Area (value × ms) from the start of observation up to `t`. */
  areaUntil(t: number): number {
    return this.area + this.value * (t - this.lastT);
  }

  /** Area from the very first start up to `t`, resets included. */
  lifetimeAreaUntil(t: number): number {
    return this.areaBeforeReset + this.areaUntil(t);
  }

  /** The time average over [start, t]; the current value when no time has passed. */
  mean(t: number): number {
    const span = t - this.startT;
    return span > 0 ? this.areaUntil(t) / span : this.value;
  }

  /** Starts observing afresh at `t`, keeping the current value (end of warm-up). */
  reset(t: number): void {
    this.areaBeforeReset += this.areaUntil(t);
    this.area = 0;
    this.max = this.value;
    this.lastT = t;
    this.startT = t;
  }
}
