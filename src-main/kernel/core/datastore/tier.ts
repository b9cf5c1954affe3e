// The data tier of a network: one model per PostgreSQL, Redis and Kafka node, the events
// they need, the effect of the faults aimed at them (db-primary-failure, cache-flush: the
// fault controller schedules them and calls failPrimary / flushCache), and their gauges.
// The network hands it every visit that reaches such a node and every consumption that ends.
import type { Plan } from '../plan.js';
import { IN_NODE } from '../visits.js';
import { backupRpoSeconds, type DataLossSummary } from './backup.js';
import type { DataGauges } from './gauges.js';
import type { DataHost } from './host.js';
import { BrokerModel, RETRY_STRIDE } from './kafka.js';
import { PostgresModel } from './postgres.js';
import { CacheModel } from './redis.js';
import { VisitInts } from './visit-ints.js';

const NONE = 0;
const POSTGRES = 1;
const CACHE = 2;
const BROKER = 3;

export class DataTier implements DataGauges {
  /** Per link: 1 when it goes to a postgres node (a cache hit skips it for reads). */
  readonly dbLink: Uint8Array;
  private readonly kind: Uint8Array;
  private readonly postgres: (PostgresModel | null)[];
  private readonly caches: (CacheModel | null)[];
  private readonly brokers: (BrokerModel | null)[];
  /** Tier-wide consumer-group number → its broker. */
  private readonly groupBroker: BrokerModel[] = [];
  private readonly memberOf = new VisitInts();
  private readonly epochOf = new VisitInts();
  private readonly groupOf = new VisitInts();
  private readonly partitionOf = new VisitInts();

  constructor(
    private readonly plan: Plan,
    seed: number,
    private readonly host: DataHost,
  ) {
    const sim = host.sim;
    const { nodes, links } = plan;
    const evPgDepart = sim.register((v) => this.postgres[host.pool.node[v]!]!.onDepart(v));
    const evPgPromote = sim.register((n) => this.postgres[n]!.promote());
    const evCacheDone = sim.register((v) => this.caches[host.pool.node[v]!]!.onDone(v));
    const evAppended = sim.register((v) => this.brokers[host.pool.node[v]!]!.onAppended(v));
    const evConsumerRetry = sim.register((code) => {
      const g = Math.floor(code / RETRY_STRIDE);
      const broker = this.groupBroker[g]!;
      broker.retry(g - broker.groupBase, code - g * RETRY_STRIDE);
    });
    this.dbLink = Uint8Array.from(links, (l) => (nodes[l.to]!.behavior.type === 'postgres' ? 1 : 0));
    this.kind = new Uint8Array(nodes.length);
    const linkTopic = new Int32Array(links.length).fill(-1);
    this.postgres = nodes.map((node, i) => {
      if (node.behavior.type !== 'postgres') return null;
      this.kind[i] = POSTGRES;
      return new PostgresModel(i, node.id, node.behavior, seed, host, evPgDepart, evPgPromote, this.memberOf, this.epochOf);
    });
    this.caches = nodes.map((node, i) => {
      if (node.behavior.type !== 'cache') return null;
      this.kind[i] = CACHE;
      return new CacheModel(i, node.id, node.behavior, seed, host, evCacheDone);
    });
    this.brokers = nodes.map((node, i) => {
      const b = node.behavior;
      if (b.type !== 'broker') return null;
      this.kind[i] = BROKER;
      links.forEach((l, k) => {
        if (l.to === i && l.topic !== undefined) linkTopic[k] = b.topics.findIndex((t) => t.name === l.topic);
      });
      const broker = new BrokerModel(i, node.id, b, seed, host, evAppended, evConsumerRetry, linkTopic, this.groupOf, this.partitionOf, this.groupBroker.length);
      for (let g = 0; g < b.groups.length; g++) this.groupBroker.push(broker);
      return broker;
    });
  }

  /** True when node n is a data-tier node (its visits go to `arrive`). */
  handles(n: number): boolean {
    return this.kind[n] !== NONE;
  }

  /** A visit reaches data-tier node n (the network has counted the arrival and set tArrive). */
  arrive(v: number, n: number): void {
    this.host.pool.state[v] = IN_NODE;
    switch (this.kind[n]) {
      case POSTGRES:
        this.postgres[n]!.arrive(v);
        return;
      case CACHE:
        this.caches[n]!.arrive(v);
        return;
      case BROKER:
        this.brokers[n]!.arrive(v);
        return;
    }
  }

  /** A consumption visit (started by `DataHost.dispatch`) has ended. */
  detachedDone(v: number, failed: boolean): void {
    const g = this.groupOf.get(v);
    const broker = this.groupBroker[g]!;
    broker.onConsumed(g - broker.groupBase, this.partitionOf.get(v), failed);
  }

  /** db-primary-failure on node n, now (planned or injected). */
  failPrimary(n: number): void {
    this.postgres[n]?.failPrimary();
  }

  /** cache-flush on node n, now (planned or injected). */
  flushCache(n: number): void {
    this.caches[n]?.flush();
  }

  replicationLagMs(n: number): number {
    const pg = this.postgres[n];
    if (pg === null || pg === undefined) return NaN;
    const primary = pg.b.primaryNode >= 0 ? this.postgres[pg.b.primaryNode] : pg;
    return pg.sampleLag(primary?.saturationFactor() ?? 1);
  }

  consumerLag(n: number): number {
    return this.brokers[n]?.lag ?? NaN;
  }

  cacheHitRatio(n: number): number {
    return this.caches[n]?.hitRatio(this.host.sim.now) ?? NaN;
  }

  cacheLookups(n: number): number {
    return this.caches[n]?.lookups ?? NaN;
  }

  cacheHits(n: number): number {
    return this.caches[n]?.hits ?? NaN;
  }

  /** The members of postgres node n now: which takes writes, which are up, queries each served. */
  postgresMembers(n: number): { primary: number; up: boolean[]; served: number[] } | null {
    const pg = this.postgres[n];
    if (pg === null || pg === undefined) return null;
    return { primary: pg.primary, up: pg.members.map((x) => x.up), served: pg.members.map((x) => x.served) };
  }

  /** Kafka consumer groups of node n with their counts (failed: attempts that failed and were retried), for the summary. */
  consumerGroups(n: number): { topic: string; group: string; consumer: string; lag: number; consumed: number; failed: number; dropped: number }[] {
    const broker = this.brokers[n];
    if (broker === null || broker === undefined) return [];
    return broker.groups.map((g) => ({
      topic: broker.b.topics[g.plan.topic]!.name,
      group: g.plan.group,
      consumer: this.plan.nodes[g.plan.consumer]!.id,
      lag: g.lag,
      consumed: g.consumed,
      failed: g.failed,
      dropped: g.dropped,
    }));
  }

  /** Backups and failover of postgres node n: what a failure can cost; null for other nodes. */
  dataLoss(n: number): DataLossSummary | null {
    const pg = this.postgres[n];
    if (pg === null || pg === undefined) return null;
    const rpo = backupRpoSeconds(pg.b.backup);
    const seconds = this.host.sim.now / 1000;
    const writeRate = seconds > 0 ? pg.writes / seconds : 0;
    const promotes = pg.b.failover.automatic && (pg.b.mode === 'primary-replica' || pg.b.mode === 'multi-master');
    const lag = pg.timeline.lagAtFailureMs;
    return {
      backup: pg.b.backup,
      rpo_seconds: rpo,
      writes_at_risk: rpo === null ? null : writeRate * rpo,
      rto_seconds: promotes ? pg.b.failover.promotionMs / 1000 : null,
      primary_failures: pg.timeline.failures,
      failover_loss_window_ms: Number.isNaN(lag) ? null : lag,
    };
  }
}
