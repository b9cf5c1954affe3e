// A station's state: instances (replicas) that each serve `concurrency` requests at once, one
// FIFO queue with a capacity in front of all of them, and a service-time sampler per request
// class. Which ready instance takes a request does not change the queue (the servers are
// pooled), so one instance with concurrency c is exactly the textbook M/G/c/K; instances
// matter when one starts, stops, fails or is killed.
import type { Sampler } from '../engine/distributions.js';
import { TimeWeighted } from '../stats/time-weighted.js';
import { IntFifo } from './fifo.js';

/** Instance states. A FREE slot is reused by the next instance. */
export const INST_FREE = 0;
export const INST_STARTING = 1;
export const INST_READY = 2;
/** Being removed: takes no new requests, finishes those in service, then goes. */
export const INST_STOPPING = 3;
/** Failed for a while (pod-failure): exists, serves nothing. */
export const INST_DOWN = 4;

/** A version the station has run: the document's, then each deployment's (deployments.ts). */
export interface StationVersion {
  readonly name: string;
  /** Service time multiplier and extra error probability of a request served by it (its regression). */
  readonly latencyFactor: number;
  readonly errorRate: number;
  /** Requests its instances finished, failed by its regression, and their summed service ms. */
  done: number;
  failed: number;
  serviceMs: number;
}

export class Station {
  /** Requests in service on any instance. */
  busy = 0;
  /** Requests waiting (timed-out ones leave this count at once, the ring when popped). */
  queued = 0;
  readonly queue = new IntFifo();
  /** Free server slots on ready instances. */
  free = 0;
  starting = 0;
  ready = 0;
  stopping = 0;
  down = 0;
  /** Replicas asked for (the controller's spec.replicas). */
  desired = 0;
  /** Ready instances over time (the autoscaler's utilisation divides by it); kept by the network. */
  readonly readyOverTime = new TimeWeighted();

  /** Per instance slot. */
  state = new Uint8Array(4);
  instBusy = new Int32Array(4);
  startedAt: Float64Array = new Float64Array(4);
  readyAt: Float64Array = new Float64Array(4);
  /** Handle of the pending start-up or recovery event; -1: none. */
  pending: Float64Array = new Float64Array(4).fill(-1);
  /** Per instance slot: the version it runs (index into versions), and that version's regression. */
  gen = new Int32Array(4);
  slow: Float64Array = new Float64Array(4).fill(1);
  errs: Float64Array = new Float64Array(4);
  /** The versions run here, the document's first; new instances run `current`. */
  readonly versions: StationVersion[];
  current = 0;
  /** Service time factor of a cpu-stress fault (1 without one); folded into `slow`. */
  private stressFactor = 1;
  /** Slots ever used: instance ids are below this. */
  slots = 0;
  private next = 0;

  constructor(
    readonly concurrency: number,
    readonly capacity: number,
    readonly timeoutMs: number,
    readonly startupMs: number,
    /** Per class id. */
    readonly service: readonly Sampler[],
    version = 'v1',
  ) {
    this.versions = [{ name: version, latencyFactor: 1, errorRate: 0, done: 0, failed: 0, serviceMs: 0 }];
  }

  /**
   * A cpu-stress fault takes `load` (0–1, summed over the faults in force) of every instance's
   * CPU: the service gets the rest, so its times stretch by 1 / (1 − load), at most 20×.
   */
  setCpuStress(load: number): void {
    this.stressFactor = 1 / Math.max(0.05, 1 - load);
    for (let i = 0; i < this.slots; i++) this.slow[i] = this.versions[this.gen[i]!]!.latencyFactor * this.stressFactor;
  }

  /** More than the document's version: requests count per version and regressions apply. */
  get versioned(): boolean {
    return this.versions.length > 1;
  }


  /** Servers on ready instances. */
  get servers(): number {
    return this.ready * this.concurrency;
  }

  /** Instances not deleted: starting, ready or failed for a while (stopping ones are being deleted). */
  get replicas(): number {
    return this.starting + this.ready + this.down;
  }

  /** Whether a request may wait here: some instance serves or soon will. */
  get accepting(): boolean {
    return this.ready + this.starting > 0;
  }

  /** A free instance slot, in state STARTING (the caller makes it ready). */
  addInstance(now: number): number {
    let i = 0;
    while (i < this.slots && this.state[i] !== INST_FREE) i++;
    if (i === this.state.length) this.grow();
    if (i === this.slots) this.slots++;
    this.state[i] = INST_STARTING;
    this.instBusy[i] = 0;
    this.startedAt[i] = now;
    this.readyAt[i] = NaN;
    this.pending[i] = -1;
    const v = this.versions[this.current]!;
    this.gen[i] = this.current;
    this.slow[i] = v.latencyFactor * this.stressFactor;
    this.errs[i] = v.errorRate;
    this.starting++;
    return i;
  }

  /** STARTING or DOWN → READY. */
  makeReady(i: number, now: number): void {
    if (this.state[i] === INST_STARTING) this.starting--;
    else this.down--;
    this.state[i] = INST_READY;
    this.readyAt[i] = now;
    this.ready++;
    this.free += this.concurrency - this.instBusy[i]!;
  }

  /** Leaves the READY (or other) state count; the instance keeps its requests in service. */
  leave(i: number): void {
    switch (this.state[i]) {
      case INST_STARTING:
        this.starting--;
        break;
      case INST_READY:
        this.ready--;
        this.free -= this.concurrency - this.instBusy[i]!;
        break;
      case INST_STOPPING:
        this.stopping--;
        break;
      case INST_DOWN:
        this.down--;
        break;
    }
  }

  setState(i: number, s: number): void {
    this.leave(i);
    this.state[i] = s;
    if (s === INST_STOPPING) this.stopping++;
    else if (s === INST_DOWN) this.down++;
    else if (s === INST_STARTING) this.starting++;
  }

  /** A server on a ready instance, round robin over instances; -1 when none is free. */
  take(): number {
    const n = this.slots;
    const c = this.concurrency;
    for (let j = 0; j < n; j++) {
      let i = this.next + j;
      if (i >= n) i -= n;
      if (this.state[i] === INST_READY && this.instBusy[i]! < c) {
        this.next = i + 1 >= n ? 0 : i + 1;
        this.instBusy[i]!++;
        this.free--;
        this.busy++;
        return i;
      }
    }
    return -1;
  }

  /** A request on instance i left service; true when a stopping instance is now idle (it can go). */
  release(i: number): boolean {
    this.instBusy[i]!--;
    this.busy--;
    const s = this.state[i];
    if (s === INST_READY) this.free++;
    return s === INST_STOPPING && this.instBusy[i] === 0;
  }

  /** The newest instance in state s (the order a ReplicaSet deletes them in), among those `only` accepts; -1: none. */
  newest(s: number, only?: (i: number) => boolean): number {
    let best = -1;
    for (let i = 0; i < this.slots; i++) {
      if (this.state[i] === s && (only === undefined || only(i)) && (best < 0 || this.startedAt[i]! >= this.startedAt[best]!)) best = i;
    }
    return best;
  }

  private grow(): void {
    const size = this.state.length * 2;
    const u8 = new Uint8Array(size);
    u8.set(this.state);
    this.state = u8;
    const busy = new Int32Array(size);
    busy.set(this.instBusy);
    this.instBusy = busy;
    const f = (a: Float64Array, fill: number): Float64Array => {
      const b = new Float64Array(size).fill(fill);
      b.set(a);
      return b;
    };
    const gen = new Int32Array(size);
    gen.set(this.gen);
    this.gen = gen;
    this.slow = f(this.slow, 1);
    this.errs = f(this.errs, 0);
    this.startedAt = f(this.startedAt, 0);
    this.readyAt = f(this.readyAt, NaN);
    this.pending = f(this.pending, -1);
  }
}
