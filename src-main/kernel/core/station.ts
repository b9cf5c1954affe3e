// A station's state: servers (replicas × concurrency), one FIFO queue with a capacity, and a
// service-time sampler per request class.
import type { Sampler } from '../engine/distributions.js';
import { IntFifo } from './fifo.js';

export class Station {
  busy = 0;
  /** Requests waiting (timed-out ones leave this count at once, the ring when popped). */
  queued = 0;
  readonly queue = new IntFifo();
  ready: boolean;

  constructor(
    readonly servers: number,
    readonly capacity: number,
    readonly timeoutMs: number,
    readonly startupMs: number,
    /** Per class id. */
    readonly service: readonly Sampler[],
  ) {
    this.ready = startupMs === 0;
  }
}
