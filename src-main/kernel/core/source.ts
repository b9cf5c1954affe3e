// A traffic source: when the next request arrives (Poisson by thinning, or evenly spaced at
// the current rate) and which class it is (by weight).
import type { RandomStream } from '../engine/random.js';
import type { RateFunction } from './rate-profile.js';

export class TrafficSource {
  private readonly cumulative: Float64Array;
  private readonly classIds: Int32Array;
  private readonly total: number;

  constructor(
    private readonly rate: RateFunction,
    private readonly poisson: boolean,
    /** Weight per class id (0: the source never sends it). */
    classWeights: readonly number[],
    private readonly arrivalRng: RandomStream,
    private readonly classRng: RandomStream,
  ) {
    const ids: number[] = [];
    const cum: number[] = [];
    let sum = 0;
    classWeights.forEach((w, id) => {
      if (w <= 0) return;
      sum += w;
      ids.push(id);
      cum.push(sum);
    });
    this.classIds = Int32Array.from(ids);
    this.cumulative = Float64Array.from(cum);
    this.total = sum;
  }

  /** Time of the next arrival after `t`, or Infinity when none comes before `endMs` (excluded). */
  next(t: number, endMs: number): number {
    const rate = this.rate;
    if (this.poisson) {
      const max = rate.max;
      if (!(max > 0)) return Infinity;
      let x = t;
      for (;;) {
        x -= Math.log(this.arrivalRng.uniform()) / max;
        if (x >= endMs) return Infinity;
        // Thinning (Lewis–Shedler): keep a candidate with probability rate(x)/max.
        if (rate.constant || this.arrivalRng.uniform() * max < rate.at(x)) return x;
      }
    }
    let x = t;
    let r = rate.at(x);
    while (!(r > 0)) {
      x += 1000;
      if (x >= endMs) return Infinity;
      r = rate.at(x);
    }
    x += 1 / r;
    return x < endMs ? x : Infinity;
  }

  /** A class id by weight. */
  pickClass(): number {
    const n = this.classIds.length;
    if (n === 1) return this.classIds[0]!;
    const u = this.classRng.uniform() * this.total;
    for (let i = 0; i < n - 1; i++) if (u < this.cumulative[i]!) return this.classIds[i]!;
    return this.classIds[n - 1]!;
  }
}
