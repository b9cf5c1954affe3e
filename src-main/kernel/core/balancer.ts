// How a load balancer or GeoDNS picks one of its call links for a request: round robin in
// link order; least connections (fewest calls in flight on the link, ties in round-robin
// order); random; weighted (random, in proportion to the link weights). Only links in
// rotation (their target passed the last health check) are picked; when none is, every link
// is (as nginx does when all upstreams are marked down).
import type { RandomStream } from '../engine/random.js';

export type Algorithm = 'round-robin' | 'least-connections' | 'random' | 'weighted';

export class Balancer {
  private next = 0;
  /** False while falling back to links out of rotation. */
  private strict = true;

  constructor(
    private readonly algorithm: Algorithm,
    /** The node's call links (ids), in document order. */
    private readonly links: Int32Array,
    /** Per link id: its weight and its class mask (null: every class). */
    private readonly weights: Float64Array,
    private readonly masks: readonly (Uint8Array | null)[],
    /** Per link id: calls in flight (kept by the network). */
    private readonly inFlight: Int32Array,
    private readonly rng: RandomStream,
    /** Per link id: 1 while in rotation (kept by the health checks). */
    private readonly rotation: Uint8Array,
  ) {}

  /** A link id that takes this class; -1 when none does. */
  choose(cls: number): number {
    const k = this.pick(cls);
    if (k >= 0) return k;
    this.strict = false;
    const any = this.pick(cls);
    this.strict = true;
    return any;
  }

  private pick(cls: number): number {
    const count = this.links.length;
    if (count === 0) return -1;
    if (this.algorithm === 'round-robin' || this.algorithm === 'least-connections') {
      const least = this.algorithm === 'least-connections';
      let best = -1;
      let bestPos = 0;
      for (let j = 0; j < count; j++) {
        const pos = (this.next + j) % count;
        const k = this.links[pos]!;
        if (!this.takes(k, cls)) continue;
        if (best < 0 || (least && this.inFlight[k]! < this.inFlight[best]!)) {
          best = k;
          bestPos = pos;
          if (!least) break;
        }
      }
      if (best >= 0) this.next = (bestPos + 1) % count;
      return best;
    }
    const weighted = this.algorithm === 'weighted';
    let total = 0;
    for (const k of this.links) if (this.takes(k, cls)) total += weighted ? this.weights[k]! : 1;
    if (total === 0) return -1;
    let u = this.rng.uniform() * total;
    let last = -1;
    for (const k of this.links) {
      if (!this.takes(k, cls)) continue;
      last = k;
      u -= weighted ? this.weights[k]! : 1;
      if (u < 0) return k;
    }
    return last;
  }

  private takes(k: number, cls: number): boolean {
    const mask = this.masks[k];
    return (mask === null || mask === undefined || mask[cls] === 1) && (this.rotation[k] === 1 || !this.strict);
  }
}
