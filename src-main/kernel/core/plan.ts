// A topology document turned into what the request flow needs: nodes by index with their
// behaviour, call links by index, the request classes of all sources, and warnings about
// what this version does not model yet.
import type { Deployment, Distribution, Fault, RateProfile, Scaling, Topology, TopologyNode } from '../../../src-preload/contract/topology/index.js';
import type { Algorithm } from './balancer.js';
import { dataBehaviorOf, type DataBehavior } from './datastore/plan.js';
import { warnFaults } from './fault-targets.js';
import { analyzeLoad } from './load-analysis.js';
import { loadWarnings } from './load-warnings.js';

/** How a node treats a request that reaches it. */
export type Behavior =
  /** timeoutMs: the client gives up (Infinity: waits forever). */
  | { type: 'source'; rate: RateProfile; poisson: boolean; classWeights: number[]; timeoutMs: number }
  /** servers: replicas × concurrency at the start; the instances change with scaling and faults. */
  | {
      type: 'station';
      servers: number;
      replicas: number;
      concurrency: number;
      queueCapacity: number;
      startupMs: number;
      timeoutMs: number;
      serviceTime: Distribution[];
      retries: RetryPlan;
      scaling: Scaling;
      /** The version its instances run at the start (app services name one; deployments change it). */
      version: string;
      /** Memory each instance may hold (resources.memoryMiB): a memory-stress past it is an OOM kill. */
      memoryLimitMiB: number;
    }
  /** Forwards each request to one of its call links (load balancer, GeoDNS); a target found down leaves rotation at the next health check. */
  | { type: 'chooser'; algorithm: Algorithm; overheadMs: number; healthCheckMs: number; maxConnections: number }
  /** Zero-time node: makes its own calls, like a station without service. */
  | { type: 'pass' }
  /** PostgreSQL, Redis, Kafka: modelled in core/datastore. */
  | DataBehavior;

/** A failed call is tried again after backoffMs · multiplier^(attempt−1), up to max times. */
export interface RetryPlan {
  max: number;
  backoffMs: number;
  multiplier: number;
}

export interface PlanNode {
  id: string;
  kind: TopologyNode['kind'];
  /** The region or zone it runs in; null: none. */
  group: string | null;
  behavior: Behavior;
  /** Outgoing call links, in document order. */
  out: number[];
}

export interface PlanLink {
  from: number;
  to: number;
  probability: number;
  fanOut: number;
  weight: number;
  latencyMs: number;
  /** Per class id: 1 when the class takes this link; null: every class. */
  classMask: Uint8Array | null;
  /** A publish link: the Kafka topic it writes to (the producer's call returns after the append). */
  topic?: string;
}

export interface Plan {
  nodes: PlanNode[];
  links: PlanLink[];
  classes: string[];
  warnings: string[];
  /** Group id → its parent group (null: top level), for faults aimed at a region. */
  groups: Record<string, string | null>;
  faults: Fault[];
  /** Scenario deployments on nodes with instances (deployments.ts); the others are warned about. */
  deployments: Deployment[];
  /** The initial replicas start when the run begins (ready after their start-up time) instead of running already. */
  coldStart: boolean;
}

export function buildPlan(doc: Topology): Plan {
  const warnings: string[] = [];
  const ids = Object.keys(doc.nodes);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const classes: string[] = [];
  for (const node of Object.values(doc.nodes)) {
    if (node.kind !== 'traffic-source') continue;
    for (const c of node.classes) if (!classes.includes(c.name)) classes.push(c.name);
  }
  const nodes: PlanNode[] = ids.map((id) => ({
    id,
    kind: doc.nodes[id]!.kind,
    group: doc.nodes[id]!.group ?? null,
    behavior: dataBehaviorOf(id, doc, ids, classes, warnings) ?? behaviorOf(id, doc.nodes[id]!, classes, warnings),
    out: [],
  }));
  const links: PlanLink[] = [];
  for (const l of doc.links) {
    if (l.type !== 'call' && l.type !== 'publish') continue;
    const from = indexOf.get(l.from);
    const to = indexOf.get(l.to);
    if (from === undefined || to === undefined) {
      warnings.push(`${l.type} ${l.from} → ${l.to}: a node is missing; the link is ignored`);
      continue;
    }
    let classMask: Uint8Array | null = null;
    if (l.type === 'call' && l.classes !== undefined) {
      classMask = new Uint8Array(classes.length);
      for (const name of l.classes) {
        const c = classes.indexOf(name);
        if (c >= 0) classMask[c] = 1;
        else warnings.push(`call ${l.from} → ${l.to}: no traffic source sends class "${name}"`);
      }
    }
    if (l.type === 'publish' && doc.nodes[l.to]!.kind !== 'kafka') warnings.push(`publish ${l.from} → ${l.to}: not a Kafka node; the link is simulated as a call`);
    nodes[from]!.out.push(links.length);
    if (l.type === 'publish') links.push({ from, to, probability: l.probability, fanOut: 1, weight: 1, latencyMs: l.latencyMs, classMask, topic: l.topic });
    else links.push({ from, to, probability: l.probability, fanOut: l.fanOut, weight: l.weight, latencyMs: l.latencyMs, classMask });
  }
  if (doc.links.some((l) => l.type === 'scrape' || l.type === 'logs' || l.type === 'query')) warnings.push('scrape, logs and query links carry no requests in this version');
  warnCycles(nodes, links, warnings);
  const groups = Object.fromEntries(Object.entries(doc.groups).map(([id, g]) => [id, g.parent ?? null]));
  const deployments = doc.scenario.deployments.filter((d) => {
    const node = nodes.find((x) => x.id === d.target);
    if (node?.behavior.type === 'station') return true;
    warnings.push(`deployment of ${d.version} at ${d.at} s: "${d.target}" ${node ? 'has no instances to replace' : 'is not a node'}; it is not simulated`);
    return false;
  });
  const plan = { nodes, links, classes, warnings, groups, faults: doc.scenario.faults, deployments, coldStart: doc.scenario.coldStart };
  warnFaults(plan);
  warnings.push(...loadWarnings(analyzeLoad(plan, doc)));
  return plan;
}

function behaviorOf(id: string, node: TopologyNode, classes: string[], warnings: string[]): Behavior {
  switch (node.kind) {
    case 'traffic-source': {
      const weights = classes.map((name) => node.classes.find((c) => c.name === name)?.weight ?? 0);
      return { type: 'source', rate: node.rate, poisson: node.arrivals === 'poisson', classWeights: weights, timeoutMs: node.timeoutMs ?? Infinity };
    }
    case 'load-balancer':
      return { type: 'chooser', algorithm: node.algorithm, overheadMs: node.overheadMs, healthCheckMs: node.healthCheckIntervalS * 1000, maxConnections: node.maxConnections ?? Infinity };
    case 'geodns':
      if (node.policy !== 'weighted') warnings.push(`${id}: GeoDNS policy "${node.policy}" is simulated as weighted (link weights) in this version`);
      // Clients find a region gone when their cached answer expires (the TTL).
      return { type: 'chooser', algorithm: 'weighted', overheadMs: 0, healthCheckMs: node.ttlS * 1000, maxConnections: Infinity };
    default:
      break;
  }
  if (!('serviceTime' in node) || node.serviceTime === undefined) {
    if (node.kind !== 'container') warnings.push(`${id}: ${node.kind} has no model yet; requests pass through it in zero time`);
    return { type: 'pass' };
  }
  const servers = node.replicas * node.concurrency;
  // No servers: the load analysis warns when traffic reaches the node (load-warnings.ts).
  if (node.scaling.policy === 'learned' && node.scaling.model === undefined) warnings.push(`${id}: learned scaling has no policy model; the Kubernetes HPA scales it`);
  const { default: byDefault, classes: perClass } = node.serviceTime;
  return {
    type: 'station',
    servers,
    concurrency: node.concurrency,
    queueCapacity: node.queueCapacity ?? Infinity,
    startupMs: node.startupS * 1000,
    timeoutMs: node.timeoutMs ?? Infinity,
    serviceTime: classes.map((name) => perClass[name] ?? byDefault),
    replicas: node.replicas,
    retries: { max: node.retries.max, backoffMs: node.retries.backoffMs, multiplier: node.retries.multiplier },
    scaling: node.scaling,
    version: 'version' in node && node.version !== undefined ? node.version : 'v1',
    memoryLimitMiB: node.resources.memoryMiB,
  };
}

/** Requests that call in a circle stop at the depth limit; say so up front. */
function warnCycles(nodes: PlanNode[], links: PlanLink[], warnings: string[]): void {
  const state = new Uint8Array(nodes.length); // 0 new, 1 on the path, 2 done
  const visit = (n: number): boolean => {
    state[n] = 1;
    for (const l of nodes[n]!.out) {
      const to = links[l]!.to;
      if (state[to] === 1 || (state[to] === 0 && visit(to))) return true;
    }
    state[n] = 2;
    return false;
  };
  for (let n = 0; n < nodes.length; n++) {
    if (state[n] === 0 && visit(n)) {
      warnings.push('the call links form a cycle; requests that go round it fail at the call-depth limit');
      return;
    }
  }
}
