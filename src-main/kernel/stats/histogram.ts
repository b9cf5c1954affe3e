// A latency histogram in fixed memory, HDR-style: log-linear buckets, 128 per power of two
// (read straight from the bits of the double), from 2^-10 ms (≈1 µs) to 2^32 ms (≈50 days).
// A bucket spans at most 1/128 of its lower bound, so a quantile reported at the bucket's
// midpoint is within 0.4 % of a value in it. Count, sum, min and max are exact.
import { UNDER, bucketCount, bucketOf as bucketIn, midpointOf as midpointIn } from './log-buckets.js';

const SUB_BITS = 7;
const BUCKETS = bucketCount(SUB_BITS);
const OVER = BUCKETS + 1;
const bucketOf = (v: number): number => bucketIn(v, SUB_BITS);
const midpointOf = (bucket: number): number => midpointIn(bucket, SUB_BITS);

export class LatencyHistogram {
  /** Allocated at the first value, so that nodes without traffic in a large document cost nothing. */
  private counts: Float64Array | null = null;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  record(valueMs: number): void {
    (this.counts ??= new Float64Array(BUCKETS + 2))[bucketOf(valueMs)]!++;
    this.count++;
    this.sum += valueMs;
    if (valueMs < this.min) this.min = valueMs;
    if (valueMs > this.max) this.max = valueMs;
  }

  mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /**
   * The q-quantile (0 < q ≤ 1): the smallest recorded value with at least q·count values at or
   * below it, reported as its bucket's midpoint clamped to [min, max]. 0 when empty.
   */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    if (rank >= this.count) return this.max;
    const counts = this.counts!;
    let seen = 0;
    for (let b = 0; b < counts.length; b++) {
      seen += counts[b]!;
      if (seen >= rank) {
        if (b === UNDER) return this.min;
        if (b === OVER) return this.max;
        return Math.min(this.max, Math.max(this.min, midpointOf(b)));
      }
    }
    return this.max;
  }

  /** Adds another histogram's values to this one. */
  merge(other: LatencyHistogram): void {
    if (other.counts !== null) {
      const counts = (this.counts ??= new Float64Array(BUCKETS + 2));
      for (let b = 0; b < counts.length; b++) counts[b]! += other.counts[b]!;
    }
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  reset(): void {
    this.counts?.fill(0);
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }
}

/** Bytes one histogram holds once it has a value, whatever the number of values. */
export const HISTOGRAM_BYTES = (BUCKETS + 2) * 8;
