/**
 * Which points of a long series to draw at screen resolution: per bucket of the index range,
 * the first point and, of every column, the point with the smallest and the largest value
 * (min/max per pixel bucket keeps spikes). Indices come back ascending; all of them when
 * there are no more points than buckets × 2.
 */
export function downsampleIndices(length: number, columns: readonly ArrayLike<number>[], buckets: number): number[] {
  const all = (): number[] => Array.from({ length }, (_, i) => i);
  if (buckets < 1 || length <= buckets * 2) return all();
  // A flag per index rather than a Set: no hashing, and the indices come out sorted for free.
  const picked = new Uint8Array(length);
  const size = length / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(length, Math.floor((b + 1) * size));
    if (from >= to) continue;
    picked[from] = 1;
    for (const col of columns) {
      let lo = -1;
      let hi = -1;
      for (let i = from; i < to; i++) {
        const v = col[i]!;
        if (!Number.isFinite(v)) {
          // Keep a gap visible: the first missing value of the bucket is drawn too.
          if (lo === -1 && hi === -1) picked[i] = 1;
          continue;
        }
        if (lo === -1 || v < col[lo]!) lo = i;
        if (hi === -1 || v > col[hi]!) hi = i;
      }
      if (lo >= 0) picked[lo] = 1;
      if (hi >= 0) picked[hi] = 1;
    }
  }
  picked[length - 1] = 1;
  const out: number[] = [];
  for (let i = 0; i < length; i++) if (picked[i] === 1) out.push(i);
  return out;
}
