// The data tier's share of the plan: what a PostgreSQL, Redis or Kafka node does with a
// request that reaches it, read from the topology document (members and roles, pools,
// service times, hit ratio, topics and their consumer groups, the faults aimed at them).
import type { Distribution, Topology, TopologyNode } from '../../../../src-preload/contract/topology/index.js';

export type PostgresMode = 'single' | 'primary-replica' | 'replica' | 'multi-master';

export interface PostgresBehavior {
  type: 'postgres';
  mode: PostgresMode;
  /** Members of this node: 1 (single, replica), 1 + replicas (primary-replica), N (multi-master). */
  members: number;
  /** Connections per member: the servers of each member's station (also its wait-queue size). */
  maxConnections: number;
  /** All connections of all members, for utilisation. */
  servers: number;
  readTime: Distribution;
  writeTime: Distribution;
  /** Per class id: 1 when the class writes. */
  writes: Uint8Array;
  readsFromReplicas: boolean;
  synchronous: boolean;
  /** Mean asynchronous replication lag; 0 for a single server. */
  replicationLagMs: number;
  /** A replica-mode node: the node index of its primary; -1 otherwise. */
  primaryNode: number;
  failover: { automatic: boolean; promotionMs: number };
  backup: 'none' | 'manual' | 'nightly' | 'continuous';
}

export interface CacheBehavior {
  type: 'cache';
  hitRatio: number;
  latency: Distribution;
  writes: Uint8Array;
}

export interface ConsumerGroupPlan {
  topic: number;
  group: string;
  /** The consuming node's index. */
  consumer: number;
  /** Consumer instances in the group. */
  instances: number;
  latencyMs: number;
}

export interface BrokerBehavior {
  type: 'broker';
  latency: Distribution;
  topics: { name: string; partitions: number }[];
  groups: ConsumerGroupPlan[];
}

export type DataBehavior = PostgresBehavior | CacheBehavior | BrokerBehavior;

export function isDataKind(kind: TopologyNode['kind']): boolean {
  return kind === 'postgres' || kind === 'redis' || kind === 'kafka';
}

/** Per class id: 1 when a traffic source declares the class a write. */
export function writeClasses(doc: Topology, classes: readonly string[]): Uint8Array {
  const writes = new Uint8Array(classes.length);
  for (const node of Object.values(doc.nodes)) {
    if (node.kind !== 'traffic-source') continue;
    for (const c of node.classes) if (c.operation === 'write') writes[classes.indexOf(c.name)] = 1;
  }
  return writes;
}

/** The behaviour of a data-tier node; null for other kinds. */
export function dataBehaviorOf(id: string, doc: Topology, ids: readonly string[], classes: readonly string[], warnings: string[]): DataBehavior | null {
  const node = doc.nodes[id]!;
  switch (node.kind) {
    case 'postgres':
      return postgresBehavior(id, node, doc, ids, classes, warnings);
    case 'redis':
      return { type: 'cache', hitRatio: node.hitRatio, latency: node.latency, writes: writeClasses(doc, classes) };
    case 'kafka':
      return brokerBehavior(id, node, doc, ids, warnings);
    default:
      return null;
  }
}

type NodeOfKind<K extends TopologyNode['kind']> = Extract<TopologyNode, { kind: K }>;

function postgresBehavior(
  id: string,
  node: NodeOfKind<'postgres'>,
  doc: Topology,
  ids: readonly string[],
  classes: readonly string[],
  warnings: string[],
): PostgresBehavior {
  const t = node.topology;
  const members = t.mode === 'primary-replica' ? 1 + t.replicas : t.mode === 'multi-master' ? t.nodes : 1;
  let primaryNode = -1;
  if (t.mode === 'replica') {
    primaryNode = ids.indexOf(t.primary);
    const primary = doc.nodes[t.primary];
    if (primary?.kind !== 'postgres') warnings.push(`${id}: its primary "${t.primary}" is not a postgres node; the replica serves reads on its own`);
    const writes = writeClasses(doc, classes);
    const sendsWrites = doc.links.some(
      (l) => l.type === 'call' && l.to === id && (l.classes === undefined ? writes.includes(1) : l.classes.some((c) => writes[classes.indexOf(c)] === 1)),
    );
    if (sendsWrites) warnings.push(`${id}: a read-only replica; write queries sent to it fail`);
  }
  const failures = doc.scenario.faults.filter((f) => f.type === 'db-primary-failure' && f.target === id).length;
  if (t.mode === 'single' && failures > 0 && node.failover.automatic) {
    warnings.push(`${id}: a single server has no replica to promote; after db-primary-failure its queries fail until the end of the run`);
  }
  if (node.backup.type === 'manual') warnings.push(`${id}: manual backups have no schedule; the data-loss window (RPO) is unknown`);
  return {
    type: 'postgres',
    mode: t.mode,
    members,
    maxConnections: node.maxConnections,
    servers: members * node.maxConnections,
    readTime: node.readTime,
    writeTime: node.writeTime,
    writes: writeClasses(doc, classes),
    readsFromReplicas: t.mode === 'primary-replica' ? t.readsFromReplicas : false,
    synchronous: t.mode === 'primary-replica' ? t.synchronous : false,
    replicationLagMs: t.mode === 'single' ? 0 : t.replicationLagMs,
    primaryNode,
    failover: { automatic: node.failover.automatic, promotionMs: node.failover.promotionS * 1000 },
    backup: node.backup.type,
  };
}

function brokerBehavior(id: string, node: NodeOfKind<'kafka'>, doc: Topology, ids: readonly string[], warnings: string[]): BrokerBehavior {
  const topics = node.topics.map((t) => ({ name: t.name, partitions: t.partitions }));
  const topicIndex = (name: string, link: string): number => {
    let i = topics.findIndex((t) => t.name === name);
    if (i < 0) {
      warnings.push(`${link}: topic "${name}" is not declared on ${id}; it is simulated with 1 partition`);
      topics.push({ name, partitions: 1 });
      i = topics.length - 1;
    }
    return i;
  };
  // A group is keyed by (topic, group name, consuming node): the instances of one node share
  // the partitions; the same group name on two nodes is simulated as two groups.
  const groups: ConsumerGroupPlan[] = [];
  for (const l of doc.links) {
    if (l.type === 'publish' && l.to === id) topicIndex(l.topic, `publish ${l.from} → ${l.to}`);
    if (l.type !== 'consume' || (l.from !== id && l.to !== id)) continue;
    const other = l.from === id ? l.to : l.from;
    const consumer = ids.indexOf(other);
    if (consumer < 0) continue;
    const topic = topicIndex(l.topic, `consume ${l.from} → ${l.to}`);
    const same = groups.find((g) => g.topic === topic && g.group === l.group && g.consumer === consumer);
    if (same !== undefined) same.instances += l.consumers;
    else groups.push({ topic, group: l.group, consumer, instances: l.consumers, latencyMs: l.latencyMs });
  }
  for (const g of groups) {
    const partitions = topics[g.topic]!.partitions;
    if (g.instances > partitions) warnings.push(`${id}: group "${g.group}" has ${g.instances} consumers for ${partitions} partitions of "${topics[g.topic]!.name}"; ${g.instances - partitions} stay idle`);
  }
  return { type: 'broker', latency: node.latency, topics, groups };
}
