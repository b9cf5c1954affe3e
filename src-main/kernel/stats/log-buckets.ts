// Log-linear buckets read straight from the bits of a double, HDR-style: 2^subBits buckets per
// power of two from 2^-10 ms (≈1 µs) to 2^32 ms (≈50 days), plus one below and one above. A
// bucket spans at most 1/2^subBits of its lower bound, so its midpoint is within half that of
// any value in it. Shared by the fine and the coarse latency histograms.

export const MIN_EXP = -10;
export const MAX_EXP = 32;
/** The bucket of values below 2^MIN_EXP (and NaN, negatives). */
export const UNDER = 0;

/** Buckets between UNDER and the overflow bucket (which is this + 1). */
export const bucketCount = (subBits: number): number => (MAX_EXP - MIN_EXP) << subBits;

// A view of one double's bits; the high word's index depends on the machine's byte order.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export function bucketOf(v: number, subBits: number): number {
  if (!(v >= 2 ** MIN_EXP)) return UNDER;
  f64[0] = v;
  const hi = u32[HI]!;
  const exp = (hi >>> 20) - 1023;
  if (exp >= MAX_EXP) return bucketCount(subBits) + 1;
  return 1 + ((exp - MIN_EXP) << subBits) + ((hi >>> (20 - subBits)) & ((1 << subBits) - 1));
}

/** The middle of a bucket's value range. */
export function midpointOf(bucket: number, subBits: number): number {
  const i = bucket - 1;
  const sub = 1 << subBits;
  const exp = Math.floor(i / sub) + MIN_EXP;
  return 2 ** exp * (1 + ((i % sub) + 0.5) / sub);
}
