// A PostgreSQL node: one or more members (a primary and replicas, or N masters), each a
// station whose servers are its connections (maxConnections), serving a query in readTime or
// writeTime, with a FIFO wait for a connection as long as the pool (a client-side pool such as
// pgbouncer); beyond that a query is turned away, like "too many connections".
// Routing: a write goes to the primary; a read to a ready replica (round robin) when
// readsFromReplicas, else to the primary. Multi-master spreads reads and writes over its ready
// members. A replica-mode node serves reads; writes to it fail (read-only).
// db-primary-failure: the primary stops at once (queued queries fail now, those in service
// when their work would have ended); its queries fail until clients are moved: with automatic
// failover, after promotionS a replica is promoted (multi-master: the member is dropped);
// otherwise, or with no replica to promote, until the end of the run.
import { createSampler, type Sampler } from '../../engine/distributions.js';
import { createStream, type RandomStream } from '../../engine/random.js';
import { PRIORITY_NORMAL, type EventKind } from '../../engine/simulator.js';
import { IntFifo } from '../fifo.js';
import type { DataHost } from './host.js';
import type { PostgresBehavior } from './plan.js';
import type { VisitInts } from './visit-ints.js';

class Member {
  busy = 0;
  queued = 0;
  readonly queue = new IntFifo();
  up = true;
  /** Clients still send queries here (a failed member stays routed until failover moves them). */
  routed = true;
  /** Bumped when the member fails: work started before then is lost. */
  epoch = 0;
  /** Queries completed. */
  served = 0;
}

export interface PromotionTimeline {
  failures: number;
  lastFailureMs: number;
  lastPromotionMs: number;
  lagAtFailureMs: number;
}

export class PostgresModel {
  readonly members: Member[];
  /** The member taking writes; -1 when none can. */
  primary: number;
  /** Write queries that reached a member (for the data-loss figures). */
  writes = 0;
  readonly timeline: PromotionTimeline = { failures: 0, lastFailureMs: -1, lastPromotionMs: -1, lagAtFailureMs: NaN };
  private rr = 0;
  private readonly readTime: Sampler;
  private readonly writeTime: Sampler;
  private readonly lagRng: RandomStream;

  constructor(
    readonly node: number,
    readonly id: string,
    readonly b: PostgresBehavior,
    seed: number,
    private readonly host: DataHost,
    private readonly evDepart: EventKind,
    private readonly evPromote: EventKind,
    private readonly memberOf: VisitInts,
    private readonly epochOf: VisitInts,
  ) {
    this.members = Array.from({ length: b.members }, () => new Member());
    this.primary = b.mode === 'replica' ? -1 : 0;
    const rng = createStream(seed, `${id}/service`);
    this.readTime = createSampler(b.readTime, rng);
    const write = createSampler(b.writeTime, rng);
    if (b.synchronous && b.replicationLagMs > 0) {
      // A synchronous commit waits for a replica to confirm: the replication round trip adds to the write.
      const syncRng = createStream(seed, `${id}/sync-commit`);
      const lag = b.replicationLagMs;
      this.writeTime = () => write() + syncRng.exponential(lag);
    } else this.writeTime = write;
    this.lagRng = createStream(seed, `${id}/replication-lag`);
  }

  arrive(v: number): void {
    const host = this.host;
    const m = host.metrics[this.node]!;
    const write = this.b.writes[host.pool.cls[v]!] === 1;
    const k = this.route(write);
    const mem = k >= 0 ? this.members[k]! : null;
    if (mem === null || !mem.up) {
      m.failed(host.pool.cls[v]!);
      host.fail(v);
      return;
    }
    if (write) this.writes++;
    this.memberOf.set(v, k);
    if (mem.busy < this.b.maxConnections) this.startService(v, mem);
    else if (mem.queued < this.b.maxConnections) {
      mem.queue.push(v);
      mem.queued++;
      m.queue.add(host.sim.now, 1);
    } else {
      m.refused(host.pool.cls[v]!);
      host.fail(v);
    }
  }

  onDepart(v: number): void {
    const host = this.host;
    const m = host.metrics[this.node]!;
    const mem = this.members[this.memberOf.get(v)]!;
    if (this.epochOf.get(v) !== mem.epoch) {
      m.failed(host.pool.cls[v]!);
      host.fail(v);
      return;
    }
    const p = host.pool;
    const now = host.sim.now;
    mem.busy--;
    m.busy.add(now, -1);
    mem.served++;
    m.completed(p.cls[v]!, now - p.tArrive[v]!);
    m.waitSum += p.tStart[v]! - p.tArrive[v]!;
    this.startNext(mem);
    host.proceed(v);
  }

  /** db-primary-failure: the member taking writes (multi-master: the first live one) stops. */
  failPrimary(): void {
    const host = this.host;
    const now = host.sim.now;
    const k = this.b.mode === 'multi-master' ? this.members.findIndex((x) => x.up) : this.b.mode === 'replica' ? 0 : this.primary;
    const mem = k >= 0 ? this.members[k]! : null;
    if (mem === null || !mem.up) return;
    const t = this.timeline;
    t.failures++;
    t.lastFailureMs = now;
    t.lagAtFailureMs = this.b.mode === 'single' ? NaN : this.sampleLag(1);
    const m = host.metrics[this.node]!;
    mem.up = false;
    mem.epoch++;
    // The node as a whole is down for the series and alerts only when no member is left.
    if (!this.members.some((x) => x.up)) m.up.set(now, 0);
    m.busy.add(now, -mem.busy);
    mem.busy = 0;
    m.queue.add(now, -mem.queued);
    mem.queued = 0;
    for (let w = mem.queue.shift(); w >= 0; w = mem.queue.shift()) {
      m.failed(host.pool.cls[w]!);
      host.fail(w);
    }
    const canPromote = this.b.mode === 'multi-master' ? this.members.some((x) => x.up) : this.b.mode === 'primary-replica' && this.members.some((x, i) => x.up && i !== k);
    const automatic = this.b.failover.automatic && canPromote;
    if (automatic) host.sim.schedule(this.b.failover.promotionMs, PRIORITY_NORMAL, this.evPromote, this.node);
    else {
      host.events.push({
        tMs: now,
        type: 'failover',
        target: this.id,
        message: `${this.id}: no ${canPromote ? 'automatic failover' : 'replica to promote'}; its ${this.b.mode === 'replica' || this.b.mode === 'single' ? 'queries' : 'writes'} fail until the end of the run`,
        severity: 'critical',
        data: { promoted: false },
      });
    }
  }

  /** promotionS after a failure: clients move to the promoted replica (or the remaining masters). */
  promote(): void {
    const host = this.host;
    const now = host.sim.now;
    const failed = this.members.findIndex((x) => !x.up && x.routed);
    if (failed < 0) return;
    this.members[failed]!.routed = false;
    let message: string;
    if (this.b.mode === 'multi-master') {
      this.primary = this.members.findIndex((x) => x.up);
      message = `${this.id}: member ${failed + 1} dropped; ${this.members.filter((x) => x.up).length} members take reads and writes`;
    } else {
      const next = this.members.findIndex((x, i) => x.up && x.routed && i !== failed);
      if (next < 0) return;
      this.primary = next;
      message = `${this.id}: replica ${next} promoted to primary after ${((now - this.timeline.lastFailureMs) / 1000).toFixed(1)} s`;
    }
    this.timeline.lastPromotionMs = now;
    host.events.push({ tMs: now, type: 'failover', target: this.id, message, severity: 'warning', data: { promoted: true, member: this.primary } });
  }

  /** A replication-lag sample: the mean stretched by how saturated the primary is (replay falls behind a busy primary). */
  sampleLag(saturationFactor: number): number {
    if (this.b.mode === 'single') return NaN;
    if (this.b.synchronous) return 0;
    return this.lagRng.exponential(this.b.replicationLagMs * saturationFactor);
  }

  /** 1 / (1 − ρ) of the write member's connections, ρ capped at 0.99: how far replay falls behind a busy primary. */
  saturationFactor(): number {
    const k = this.primary >= 0 ? this.primary : 0;
    const mem = this.members[k]!;
    if (!mem.up) return 1;
    const rho = Math.min(0.99, (mem.busy + mem.queued) / this.b.maxConnections);
    return 1 / (1 - rho);
  }

  private route(write: boolean): number {
    const b = this.b;
    switch (b.mode) {
      case 'single':
        return 0;
      case 'replica':
        return write ? -1 : 0;
      case 'multi-master':
        return this.nextRouted(-1);
      case 'primary-replica':
        if (write || !b.readsFromReplicas) return this.primary;
        return this.nextRouted(this.primary);
    }
  }

  /** Round robin over routed members other than `skip`; the primary when none is left. */
  private nextRouted(skip: number): number {
    const n = this.members.length;
    for (let i = 0; i < n; i++) {
      const k = (this.rr + i) % n;
      const mem = this.members[k]!;
      if (k === skip || !mem.routed) continue;
      this.rr = k + 1;
      return k;
    }
    return this.primary;
  }

  private startService(v: number, mem: Member): void {
    const host = this.host;
    const p = host.pool;
    const now = host.sim.now;
    mem.busy++;
    host.metrics[this.node]!.busy.add(now, 1);
    p.tStart[v] = now;
    this.epochOf.set(v, mem.epoch);
    const service = this.b.writes[p.cls[v]!] === 1 ? this.writeTime() : this.readTime();
    host.sim.schedule(service, PRIORITY_NORMAL, this.evDepart, v);
  }

  private startNext(mem: Member): void {
    const m = this.host.metrics[this.node]!;
    while (mem.up && mem.busy < this.b.maxConnections && mem.queued > 0) {
      const w = mem.queue.shift();
      mem.queued--;
      m.queue.add(this.host.sim.now, -1);
      this.startService(w, mem);
    }
  }
}
