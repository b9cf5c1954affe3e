// The last `size` values of a stream, read out oldest first: what a window model reads on
// each new point without copying the whole history.

export class RollingWindow {
  private readonly ring: Float64Array;
  private seen = 0;

  constructor(readonly size: number) {
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`a window must be a whole number ≥ 1 of points, not ${size}`);
    this.ring = new Float64Array(size);
  }

  get full(): boolean {
    return this.seen >= this.size;
  }

  push(value: number): void {
    this.ring[this.seen % this.size] = value;
    this.seen++;
  }

  /** Writes the window, oldest first, into `out` (length ≥ size) through `map` (e.g. normalisation). */
  copyTo(out: Float32Array | Float64Array, map: (v: number) => number = (v) => v): void {
    if (!this.full) throw new RangeError(`the window holds ${this.seen} of its ${this.size} points`);
    const start = this.seen % this.size;
    for (let j = 0; j < this.size; j++) out[j] = map(this.ring[(start + j) % this.size]!);
  }
}
