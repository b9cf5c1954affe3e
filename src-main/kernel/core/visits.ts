// Requests in flight, one record per visit of a request to a node, as parallel typed arrays
// with a free list: the hot path allocates nothing. A visit id is the payload of its events.

export const FREE = 0;
export const WAITING = 1;
export const SERVING = 2;
export const IN_NODE = 3;
export const CALLING = 4;
/** Timed out (or failed) while queued: still in the station's ring until popped. */
export const ABANDONED = 5;

export class VisitPool {
  node = new Int32Array(0);
  parent = new Int32Array(0);
  link = new Int32Array(0);
  cls = new Int32Array(0);
  depth = new Int32Array(0);
  state = new Uint8Array(0);
  failed = new Uint8Array(0);
  nextLink = new Int32Array(0);
  fanLeft = new Int32Array(0);
  tArrive = new Float64Array(0);
  tStart = new Float64Array(0);
  /** Handle of the visit's service-completion event. */
  work = new Float64Array(0);
  /** Handle of its timeout event (a source's: the client timeout); -1: none. */
  timer = new Float64Array(0);
  /** The station instance serving it. */
  inst = new Int32Array(0);
  /** Retries of the call in progress so far, and its link (a retry repeats it). */
  attempt = new Uint8Array(0);
  retryLink = new Int32Array(0);
  /** 1 when a cache answered this visit's read: its remaining calls to postgres nodes are skipped. */
  cacheHit = new Uint8Array(0);
  /** Visits allocated and not yet freed. */
  live = 0;
  private free = new Int32Array(0);
  private freeTop = 0;
  private used = 0;

  constructor(capacity = 1024) {
    this.resize(capacity);
  }

  /** Ids below this have been used (a freed one has state FREE). */
  get size(): number {
    return this.used;
  }

  alloc(): number {
    this.live++;
    if (this.freeTop > 0) return this.free[--this.freeTop]!;
    if (this.used === this.node.length) this.resize(this.node.length * 2);
    return this.used++;
  }

  release(id: number): void {
    this.live--;
    this.state[id] = FREE;
    this.free[this.freeTop++] = id;
  }

  private resize(capacity: number): void {
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    const i32 = (n: number) => new Int32Array(n);
    const u8 = (n: number) => new Uint8Array(n);
    const f64 = (n: number) => new Float64Array(n);
    this.node = grow(this.node, i32);
    this.parent = grow(this.parent, i32);
    this.link = grow(this.link, i32);
    this.cls = grow(this.cls, i32);
    this.depth = grow(this.depth, i32);
    this.state = grow(this.state, u8);
    this.failed = grow(this.failed, u8);
    this.nextLink = grow(this.nextLink, i32);
    this.fanLeft = grow(this.fanLeft, i32);
    this.tArrive = grow(this.tArrive, f64);
    this.tStart = grow(this.tStart, f64);
    this.work = grow(this.work, f64);
    this.timer = grow(this.timer, f64);
    this.inst = grow(this.inst, i32);
    this.attempt = grow(this.attempt, u8);
    this.retryLink = grow(this.retryLink, i32);
    this.cacheHit = grow(this.cacheHit, u8);
    this.free = grow(this.free, i32);
  }
}
