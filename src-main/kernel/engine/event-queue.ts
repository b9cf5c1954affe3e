// A 4-ary min-heap of events keyed by (time, tie) over parallel typed arrays: no object per
// event, and the keys sit next to each other so comparisons stay in cache. `tie` folds the
// priority and the insertion sequence into one number (see simulator.ts). The root sits at
// index 3, so the four children of a node (4i+4 … 4i+7 for the node at i+3) start on a
// multiple of four and share one cache line.

const INITIAL_CAPACITY = 1024;
const BASE = 3;

export class EventQueue {
  private time: Float64Array;
  private tie: Float64Array;
  private slot: Int32Array;
  private n = 0;

  constructor(capacity = INITIAL_CAPACITY) {
    const c = Math.max(8, capacity + BASE);
    this.time = new Float64Array(c);
    this.tie = new Float64Array(c);
    this.slot = new Int32Array(c);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event; Infinity when empty. */
  minTime(): number {
    return this.n > 0 ? this.time[BASE]! : Infinity;
  }

  push(time: number, tie: number, slot: number): void {
    if (this.n + BASE === this.time.length) this.grow();
    const times = this.time;
    const ties = this.tie;
    const slots = this.slot;
    // Physical index p = logical + BASE; parent of logical i is (i − 1) >> 2.
    let i = this.n++;
    while (i > 0) {
      const lp = (i - 1) >> 2;
      const p = lp + BASE;
      const pt = times[p]!;
      if (pt < time || (pt === time && ties[p]! < tie)) break;
      const q = i + BASE;
      times[q] = pt;
      ties[q] = ties[p]!;
      slots[q] = slots[p]!;
      i = lp;
    }
    times[i + BASE] = time;
    ties[i + BASE] = tie;
    slots[i + BASE] = slot;
  }

  /** Removes the earliest event and returns its slot; -1 when empty. */
  pop(): number {
    const n = this.n;
    if (n === 0) return -1;
    const slots = this.slot;
    const top = slots[BASE]!;
    const last = n - 1;
    this.n = last;
    if (last === 0) return top;
    const times = this.time;
    const ties = this.tie;
    const lastP = last + BASE;
    const t = times[lastP]!;
    const k = ties[lastP]!;
    const s = slots[lastP]!;
    // Physical indices from here on: children of p are 4p − 8 … 4p − 5.
    let i = BASE;
    for (;;) {
      const c = 4 * i - 8;
      if (c >= lastP) break;
      let m = c;
      let mt = times[c]!;
      let mk = ties[c]!;
      if (c + 3 < lastP) {
        // All four children exist (the common case): compare them without a loop.
        let jt = times[c + 1]!;
        if (jt < mt || (jt === mt && ties[c + 1]! < mk)) {
          m = c + 1;
          mt = jt;
          mk = ties[c + 1]!;
        }
        jt = times[c + 2]!;
        if (jt < mt || (jt === mt && ties[c + 2]! < mk)) {
          m = c + 2;
          mt = jt;
          mk = ties[c + 2]!;
        }
        jt = times[c + 3]!;
        if (jt < mt || (jt === mt && ties[c + 3]! < mk)) {
          m = c + 3;
          mt = jt;
          mk = ties[c + 3]!;
        }
      } else {
        for (let j = c + 1; j < lastP; j++) {
          const jt = times[j]!;
          if (jt < mt || (jt === mt && ties[j]! < mk)) {
            m = j;
            mt = jt;
            mk = ties[j]!;
          }
        }
      }
      if (t < mt || (t === mt && k < mk)) break;
      times[i] = mt;
      ties[i] = mk;
      slots[i] = slots[m]!;
      i = m;
    }
    times[i] = t;
    ties[i] = k;
    slots[i] = s;
    return top;
  }

  clear(): void {
    this.n = 0;
  }

  private grow(): void {
    const c = (this.time.length - BASE) * 2 + BASE;
    const time = new Float64Array(c);
    const tie = new Float64Array(c);
    const slot = new Int32Array(c);
    time.set(this.time);
    tie.set(this.tie);
    slot.set(this.slot);
    this.time = time;
    this.tie = tie;
    this.slot = slot;
  }
}
