// A latency histogram in fixed memory, HDR-style: log-linear buckets, 128 per power of two
// (read straight from the bits of the double), from 2^-10 ms (≈1 µs) to 2^32 ms (≈50 days).
// A bucket spans at most 1/128 of its lower bound, so a quantile reported at the bucket's
// midpoint is within 0.4 % of a value in it. Count, sum, min and max are exact.

const SUB_BITS = 7;
const SUB = 1 << SUB_BITS;
const MIN_EXP = -10;
const MAX_EXP = 32;
const BUCKETS = (MAX_EXP - MIN_EXP) * SUB;
const UNDER = 0;
const OVER = BUCKETS + 1;

// A view of one double's bits; the high word's index depends on the machine's byte order.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function bucketOf(v: number): number {
  if (!(v >= 2 ** MIN_EXP)) return UNDER; // also NaN and negatives
  f64[0] = v;
  const hi = u32[HI]!;
  const exp = (hi >>> 20) - 1023;
  if (exp >= MAX_EXP) return OVER;
  return 1 + (exp - MIN_EXP) * SUB + ((hi >>> (20 - SUB_BITS)) & (SUB - 1));
}

/** The middle of a bucket's value range. */
function midpointOf(bucket: number): number {
  const i = bucket - 1;
  const exp = Math.floor(i / SUB) + MIN_EXP;
  const sub = i % SUB;
  return 2 ** exp * (1 + (sub + 0.5) / SUB);
}

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
