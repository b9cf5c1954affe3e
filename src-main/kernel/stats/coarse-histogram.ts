// A small latency histogram for many copies: log-linear buckets, 16 per power of two, from
// 2^-10 ms to 2^32 ms, in 2.7 KB (the fine LatencyHistogram takes 43 KB). A quantile is its
// bucket's midpoint, within 3.2 % of a value in the bucket. Used where there is one per node
// per scrape interval or one per request class, so 10,000 nodes stay within ~27 MB; it
// remembers which buckets it touched so that clearing it costs what was recorded, not its size.

import { UNDER, bucketCount, bucketOf as bucketIn, midpointOf as midpointIn } from './log-buckets.js';

const SUB_BITS = 4;
const BUCKETS = bucketCount(SUB_BITS);
const OVER = BUCKETS + 1;
const bucketOf = (v: number): number => bucketIn(v, SUB_BITS);
const midpointOf = (bucket: number): number => midpointIn(bucket, SUB_BITS);

export class CoarseHistogram {
  private readonly counts = new Uint32Array(BUCKETS + 2);
  /** Lowest and highest bucket touched since the last clear (the range clear() zeroes). */
  private lo = OVER + 1;
  private hi = -1;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  record(valueMs: number): void {
    const b = bucketOf(valueMs);
    this.counts[b]!++;
    if (b < this.lo) this.lo = b;
    if (b > this.hi) this.hi = b;
    this.count++;
    this.sum += valueMs;
    if (valueMs < this.min) this.min = valueMs;
    if (valueMs > this.max) this.max = valueMs;
  }

  mean(): number {
    return this.count > 0 ? this.sum / this.count : NaN;
  }

  /** The q-quantile as LatencyHistogram defines it; NaN when empty (no data). */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    if (rank >= this.count) return this.max;
    let seen = 0;
    for (let b = this.lo; b <= this.hi; b++) {
      seen += this.counts[b]!;
      if (seen >= rank) {
        if (b === UNDER) return this.min;
        if (b === OVER) return this.max;
        return Math.min(this.max, Math.max(this.min, midpointOf(b)));
      }
    }
    return this.max;
  }

  clear(): void {
    if (this.count === 0) return;
    this.counts.fill(0, this.lo, this.hi + 1);
    this.lo = OVER + 1;
    this.hi = -1;
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }
}

/** Bytes one coarse histogram holds. */
export const COARSE_HISTOGRAM_BYTES = (BUCKETS + 2) * 4;
