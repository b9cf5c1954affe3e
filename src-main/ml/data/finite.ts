// Every number a model sees must be finite: NaN or Infinity would poison training without a
// word. The error names the first bad point by index and time so the person can find it.

/** Throws when a value is NaN or ±Infinity, naming the series, the index and the timestamp. */
export function assertFinite(name: string, values: ArrayLike<number>, timesMs: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      const t = timesMs[i];
      const when = t === undefined ? '' : ` (t = ${t} ms, ${new Date(t).toISOString()})`;
      throw new RangeError(`${name}: value ${String(v)} at index ${i}${when}; every value must be a finite number`);
    }
  }
}
