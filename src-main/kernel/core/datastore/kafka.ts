// A Kafka node. A publish link is asynchronous for the producer: its call costs the broker's
// append latency and returns; the message goes to the topic's next partition (round robin).
// Each consumer group of the topic gets every message. Within a group, partitions are shared
// among min(consumers, partitions) instances (partition p belongs to instance p mod n); an
// idle instance takes the next message from its partitions, in turn, and hands it to the
// consuming node as a request nobody waits for (outside every client's latency); when that
// request is done it takes the next. Messages are counts per partition, never objects.
// A consumption that fails (the consumer down, cut off, or timing out) leaves its message
// waiting at the head of the partition; the instance tries again after CONSUMER_RETRY_MS
// (at-least-once delivery), so an outage shows as lag rather than lost messages.
// Messages carry no request class, so a consumption is served as the plan's first class.
// Consumer lag = messages published and not yet consumed (waiting or being processed).
// Beyond MAX_PARTITION_BACKLOG waiting messages a partition drops new ones (retention would
// delete them in a real cluster); drops are counted and a warning event says so once per group.
import { createSampler, type Sampler } from '../../engine/distributions.js';
import { createStream } from '../../engine/random.js';
import { PRIORITY_NORMAL, type EventKind } from '../../engine/simulator.js';
import type { DataHost } from './host.js';
import { beginStep, endStep } from './latency-step.js';
import type { BrokerBehavior, ConsumerGroupPlan } from './plan.js';
import type { VisitInts } from './visit-ints.js';

export const MAX_PARTITION_BACKLOG = 10_000_000;
/** How long a consumer instance waits before retrying a message whose processing failed. */
export const CONSUMER_RETRY_MS = 1000;
/** Retry events carry group · RETRY_STRIDE + instance (instances ≤ partitions ≤ 100,000). */
export const RETRY_STRIDE = 131_072;

class ConsumerGroup {
  readonly instances: number;
  readonly waiting: Float64Array;
  readonly busy: Uint8Array;
  /** Per instance: which of its partitions it reads next. */
  readonly cursor: Int32Array;
  lag = 0;
  consumed = 0;
  failed = 0;
  dropped = 0;

  constructor(
    /** Its place in the broker's list of groups. */
    readonly index: number,
    readonly plan: ConsumerGroupPlan,
    readonly partitions: number,
  ) {
    this.instances = Math.min(plan.instances, partitions);
    this.waiting = new Float64Array(partitions);
    this.busy = new Uint8Array(this.instances);
    this.cursor = new Int32Array(this.instances);
  }
}

export class BrokerModel {
  readonly groups: ConsumerGroup[];
  published = 0;
  private readonly byTopic: ConsumerGroup[][];
  private readonly nextPartition: Int32Array;
  private readonly latency: Sampler;

  constructor(
    readonly node: number,
    readonly id: string,
    readonly b: BrokerBehavior,
    seed: number,
    private readonly host: DataHost,
    private readonly evAppended: EventKind,
    private readonly evRetry: EventKind,
    /** Per link index: the topic a publish link writes to; -1: not a publish link into this node. */
    private readonly linkTopic: Int32Array,
    private readonly groupOf: VisitInts,
    private readonly partitionOf: VisitInts,
    /** The tier-wide number of this broker's first group, kept on consumption visits. */
    readonly groupBase: number,
    /** Waiting messages per partition and group beyond which new ones are dropped. */
    private readonly backlogLimit = MAX_PARTITION_BACKLOG,
  ) {
    this.latency = createSampler(b.latency, createStream(seed, `${id}/append`));
    this.groups = b.groups.map((g, i) => new ConsumerGroup(i, g, b.topics[g.topic]!.partitions));
    this.byTopic = b.topics.map((_, t) => this.groups.filter((g) => g.plan.topic === t));
    this.nextPartition = new Int32Array(b.topics.length);
  }

  /** Messages published and not yet consumed, over all groups. */
  get lag(): number {
    let sum = 0;
    for (const g of this.groups) sum += g.lag;
    return sum;
  }

  /** A publish (or a plain call) reaches the broker: the append takes the broker latency. */
  arrive(v: number): void {
    beginStep(this.host, this.node, v, this.latency(), this.evAppended);
  }

  onAppended(v: number): void {
    const host = this.host;
    const p = host.pool;
    endStep(host, this.node, v);
    const link = p.link[v]!;
    const topic = link >= 0 ? this.linkTopic[link]! : -1;
    if (topic >= 0) this.append(topic);
    host.proceed(v);
  }

  /** A consumption of a message from partition `part` for group `g` is done (or failed). */
  onConsumed(g: number, part: number, failed: boolean): void {
    const group = this.groups[g]!;
    const instance = part % group.instances;
    if (failed) {
      group.failed++;
      group.waiting[part]!++;
      this.host.sim.schedule(CONSUMER_RETRY_MS, PRIORITY_NORMAL, this.evRetry, (this.groupBase + g) * RETRY_STRIDE + instance);
      return;
    }
    group.busy[instance] = 0;
    group.lag--;
    group.consumed++;
    this.take(g, instance);
  }

  /** The retry wait of an instance whose consumption failed is over. */
  retry(g: number, instance: number): void {
    this.groups[g]!.busy[instance] = 0;
    this.take(g, instance);
  }

  private append(topic: number): void {
    this.published++;
    const partitions = this.b.topics[topic]!.partitions;
    const part = this.nextPartition[topic]!;
    this.nextPartition[topic] = part + 1 === partitions ? 0 : part + 1;
    const groups = this.byTopic[topic]!;
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i]!;
      if (group.waiting[part]! >= this.backlogLimit) {
        if (group.dropped++ === 0) this.warnDropping(group);
        continue;
      }
      group.waiting[part]!++;
      group.lag++;
      this.take(group.index, part % group.instances);
    }
  }

  /** An idle instance takes the next waiting message from its partitions, in turn. */
  private take(g: number, instance: number): void {
    const group = this.groups[g]!;
    if (group.busy[instance] === 1) return;
    const n = group.instances;
    const owned = Math.floor((group.partitions - 1 - instance) / n) + 1;
    for (let j = 0; j < owned; j++) {
      const slot = (group.cursor[instance]! + j) % owned;
      const part = instance + slot * n;
      if (group.waiting[part]! === 0) continue;
      group.waiting[part]!--;
      group.cursor[instance] = (slot + 1) % owned;
      group.busy[instance] = 1;
      const v = this.host.dispatch(group.plan.consumer, 0, group.plan.latencyMs);
      this.groupOf.set(v, this.groupBase + g);
      this.partitionOf.set(v, part);
      return;
    }
  }

  private warnDropping(group: ConsumerGroup): void {
    const topic = this.b.topics[group.plan.topic]!.name;
    this.host.events.push({
      tMs: this.host.sim.now,
      type: 'messages-dropped',
      target: this.id,
      message: `${this.id}: group "${group.plan.group}" is ${this.backlogLimit} messages behind on a partition of "${topic}"; new messages are dropped for it`,
      severity: 'warning',
      data: { topic, group: group.plan.group },
    });
  }
}
