// A Redis node: a lookup takes the node's latency (no queue: one Redis serves far more
// lookups a second than the models here send it) and hits with probability hitRatio, drawn
// from the node's own stream.
// The rule for the caller: on a hit of a read class, the cache answered, so the caller skips
// the rest of its call links that go to a postgres node (for this request); on a miss, or for
// a write class, it goes on to its next call links as usual. So a template writes "web → cache"
// then "web → db" with probability 1 for reads, and the database sees the misses.
// cache-flush: the hit ratio drops to 0 and climbs back linearly over CACHE_WARMUP_MS as the
// working set is read back in.
import { createSampler, type Sampler } from '../../engine/distributions.js';
import { createStream, type RandomStream } from '../../engine/random.js';
import type { EventKind } from '../../engine/simulator.js';
import type { DataHost } from './host.js';
import { beginStep, endStep } from './latency-step.js';
import type { CacheBehavior } from './plan.js';

/** How long a flushed cache takes to reach its hit ratio again (linear climb from 0). */
export const CACHE_WARMUP_MS = 300_000;

export class CacheModel {
  lookups = 0;
  hits = 0;
  private flushedAtMs = -Infinity;
  private readonly latency: Sampler;
  private readonly hitRng: RandomStream;

  constructor(
    readonly node: number,
    readonly id: string,
    readonly b: CacheBehavior,
    seed: number,
    private readonly host: DataHost,
    private readonly evDone: EventKind,
  ) {
    this.latency = createSampler(b.latency, createStream(seed, `${id}/latency`));
    this.hitRng = createStream(seed, `${id}/hits`);
  }

  /** The probability of a hit now. */
  hitRatio(now: number): number {
    const since = now - this.flushedAtMs;
    return since >= CACHE_WARMUP_MS ? this.b.hitRatio : (this.b.hitRatio * since) / CACHE_WARMUP_MS;
  }

  arrive(v: number): void {
    beginStep(this.host, this.node, v, this.latency(), this.evDone);
  }

  onDone(v: number): void {
    const host = this.host;
    const p = host.pool;
    const now = host.sim.now;
    endStep(host, this.node, v);
    this.lookups++;
    if (this.hitRng.uniform() < this.hitRatio(now)) {
      this.hits++;
      const parent = p.parent[v]!;
      if (parent >= 0 && this.b.writes[p.cls[v]!] !== 1) p.cacheHit[parent] = 1;
    }
    host.proceed(v);
  }

  flush(): void {
    const now = this.host.sim.now;
    this.flushedAtMs = now;
    this.host.events.push({
      tMs: now,
      type: 'cache-flushed',
      target: this.id,
      message: `${this.id}: cache flushed; the hit ratio climbs back to ${this.b.hitRatio} over ${CACHE_WARMUP_MS / 1000} s`,
      severity: 'warning',
      data: { hitRatio: this.b.hitRatio, warmupS: CACHE_WARMUP_MS / 1000 },
    });
  }
}
