// Static load analysis of a plan, before any event runs: the traffic equations
// λ_i = γ_i + Σ_j λ_j p_ji (open Jackson network) solved per traffic source and request class,
// then compared with each node's capacity (servers / mean service time). It finds what a run
// would only show after hours: a station offered more than it can serve, a node without
// servers, retries that multiply load along a path. The editor can reuse analyzeLoad.
import { distributionMean, type Topology } from '../../../src-preload/contract/topology/index.js';
import type { Plan, PlanNode } from './plan.js';
import { groupLoads, type GroupLoad } from './load-kafka.js';
import { compileRate, type RateFunction } from './rate-profile.js';

export type { GroupLoad } from './load-kafka.js';

/** Calls deeper than the kernel's MAX_CALL_DEPTH fail, so cycles are followed that far only. */
export const LOAD_ANALYSIS_DEPTH = 64;
/** Points of the run at which the rate profiles are sampled for means and time above capacity. */
const TIME_SAMPLES = 2880;

export interface NodeLoad {
  id: string;
  /** Mean arrival rate over the run, requests per second. */
  meanRps: number;
  /** At every source's peak rate at once (exact for one source, an upper bound for several). */
  peakRps: number;
  /** Servers (replicas × concurrency, connections); null for nodes without a queue. */
  servers: number | null;
  /** Places to wait beyond the servers (Infinity: unbounded); null for nodes without a queue. */
  queueCapacity: number | null;
  /** Servers at the autoscaler's maxReplicas; equal to servers without autoscaling. */
  maxServers: number | null;
  /** Requests per second the servers complete for the mix of classes that reaches the node. */
  capacityRps: number | null;
  /** Offered load at the mean rate: arrival rate × mean service time / servers (Infinity without servers). */
  rho: number | null;
  peakRho: number | null;
  /** Share of the run during which ρ ≥ 1 (at the current servers). */
  overloadedShare: number;
  /** How many times meanRps reaches the node when every retry upstream fires (1: none). */
  retryAmplification: number;
  /** Nodes upstream whose retries reach this node. */
  retriedBy: string[];
}

export interface LoadAnalysis {
  nodes: NodeLoad[];
  groups: GroupLoad[];
  /** Traffic sources the analysis could not include (a replay file it was not given). */
  skippedSources: string[];
}

/** A group of servers of a node and the mean service time (ms) each class needs of it (0: not served there). */
interface Pool {
  servers: number;
  meanMs: Float64Array;
}

export function analyzeLoad(plan: Plan, doc: Topology): LoadAnalysis {
  const n = plan.nodes.length;
  const classCount = Math.max(1, plan.classes.length);
  const pools = plan.nodes.map((node) => poolsOf(node, classCount));
  const retries = plan.nodes.map(retriesOf);
  const durationMs = doc.scenario.durationS * 1000;
  const meanRps = new Float64Array(n);
  const peakRps = new Float64Array(n);
  const worstRps = new Float64Array(n);
  // Per node and pool: service work (ms per s) over the sampled times.
  const work = pools.map((ps) => ps.map(() => new Float64Array(TIME_SAMPLES)));
  const peakWork = pools.map((ps) => new Float64Array(ps.length));
  const skippedSources: string[] = [];

  // Messages per second into each Kafka node's topics: mean and at the peak.
  const topicMean = new Map<number, Float64Array>();
  const topicPeak = new Map<number, Float64Array>();

  plan.nodes.forEach((node, s) => {
    if (node.behavior.type !== 'source') return;
    const rate = rateOf(node);
    if (rate === null) {
      skippedSources.push(node.id);
      return;
    }
    const samples = new Float64Array(TIME_SAMPLES);
    let mean = 0;
    for (let i = 0; i < TIME_SAMPLES; i++) {
      samples[i] = rate.at(((i + 0.5) * durationMs) / TIME_SAMPLES) * 1000;
      mean += samples[i]! / TIME_SAMPLES;
    }
    const peak = rate.max * 1000;
    const flow = visitRatios(plan, s, node.behavior.classWeights, retries);
    for (let c = 0; c < classCount; c++) {
      for (let i = 0; i < n; i++) {
        const v = flow.visits[c * n + i]!;
        if (v === 0) continue;
        meanRps[i]! += mean * v;
        peakRps[i]! += peak * v;
        worstRps[i]! += mean * flow.worst[c * n + i]!;
        pools[i]!.forEach((pool, p) => {
          const perRequest = v * pool.meanMs[c]!;
          if (perRequest === 0) return;
          peakWork[i]![p]! += peak * perRequest;
          const series = work[i]![p]!;
          for (let t = 0; t < TIME_SAMPLES; t++) series[t]! += samples[t]! * perRequest;
        });
      }
    }
    for (const [b, perTopic] of flow.topics) {
      const m = topicMean.get(b) ?? topicMean.set(b, new Float64Array(perTopic.length)).get(b)!;
      const pk = topicPeak.get(b) ?? topicPeak.set(b, new Float64Array(perTopic.length)).get(b)!;
      perTopic.forEach((x, t) => {
        m[t]! += mean * x;
        pk[t]! += peak * x;
      });
    }
  });

  const nodes = plan.nodes.map((node, i): NodeLoad => {
    const ps = pools[i]!;
    const servers = ps.length === 0 ? null : ps.reduce((a, p) => a + p.servers, 0);
    const scale = maxReplicaScale(node);
    const rhoOf = (workMsPerS: number, p: number) => (workMsPerS === 0 ? 0 : workMsPerS / (1000 * ps[p]!.servers));
    let rho: number | null = null;
    let peakRho: number | null = null;
    let overloaded = 0;
    if (ps.length > 0) {
      rho = Math.max(...ps.map((_, p) => rhoOf(work[i]![p]!.reduce((a, b) => a + b, 0) / TIME_SAMPLES, p)));
      peakRho = Math.max(...ps.map((_, p) => rhoOf(peakWork[i]![p]!, p)));
      for (let t = 0; t < TIME_SAMPLES; t++) if (ps.some((_, p) => rhoOf(work[i]![p]![t]!, p) >= 1)) overloaded++;
    }
    return {
      id: node.id,
      meanRps: meanRps[i]!,
      peakRps: peakRps[i]!,
      servers,
      queueCapacity: queueCapacityOf(node),
      maxServers: servers === null ? null : servers * scale,
      capacityRps: rho === null ? null : rho === 0 ? (servers === 0 ? 0 : Infinity) : meanRps[i]! / rho,
      rho,
      peakRho,
      overloadedShare: overloaded / TIME_SAMPLES,
      retryAmplification: meanRps[i]! > 0 ? worstRps[i]! / meanRps[i]! : 1,
      retriedBy: [],
    };
  });
  markRetriers(plan, retries, nodes);
  return { nodes, groups: groupLoads(plan, topicMean, topicPeak), skippedSources };
}

interface Flow {
  /** Expected visits per source request, by class and node: [class × nodes + node]. */
  visits: Float64Array;
  /** The same with every retry firing (each attempt of a node's call counted). */
  worst: Float64Array;
  /** Messages per source request into each Kafka node (by node index), per topic. */
  topics: Map<number, Float64Array>;
}

/**
 * Expected visits to each node per request of source `s` (its classes by weight), level by
 * level of call depth, so a cycle is followed as far as the kernel follows it. A consumed
 * Kafka message reaches its consumer as the plan's first class (core/datastore/kafka.ts).
 */
function visitRatios(plan: Plan, s: number, classWeights: readonly number[], retries: readonly number[]): Flow {
  const n = plan.nodes.length;
  const classCount = Math.max(1, plan.classes.length);
  const total = classWeights.reduce((a, b) => a + b, 0);
  const visits = new Float64Array(classCount * n);
  const worst = new Float64Array(classCount * n);
  const topics = new Map<number, Float64Array>();
  let cur = new Float64Array(classCount * n);
  let curWorst = new Float64Array(classCount * n);
  classWeights.forEach((w, c) => {
    if (w > 0) cur[c * n + s] = curWorst[c * n + s] = w / total;
  });
  for (let depth = 0; depth <= LOAD_ANALYSIS_DEPTH; depth++) {
    const next = new Float64Array(classCount * n);
    const nextWorst = new Float64Array(classCount * n);
    let moving = 0;
    for (let c = 0; c < classCount; c++) {
      for (let i = 0; i < n; i++) {
        const f = cur[c * n + i]!;
        if (f === 0) continue;
        const w = curWorst[c * n + i]!;
        visits[c * n + i]! += f;
        worst[c * n + i]! += w;
        if (depth === LOAD_ANALYSIS_DEPTH) continue;
        const attempts = 1 + retries[i]!;
        for (const [k, share] of outgoing(plan, i, c)) {
          const link = plan.links[k]!;
          const to = plan.nodes[link.to]!.behavior;
          next[c * n + link.to]! += f * share;
          nextWorst[c * n + link.to]! += w * share * attempts;
          moving += f * share;
          if (to.type !== 'broker' || link.topic === undefined) continue;
          const t = to.topics.findIndex((x) => x.name === link.topic);
          if (t < 0) continue;
          (topics.get(link.to) ?? topics.set(link.to, new Float64Array(to.topics.length)).get(link.to)!)[t]! += f * share;
          // Every consumer group of the topic gets every message.
          for (const g of to.groups) {
            if (g.topic !== t) continue;
            next[g.consumer]! += f * share;
            nextWorst[g.consumer]! += w * share * attempts;
          }
        }
      }
    }
    if (moving < 1e-12) break;
    cur = next;
    curWorst = nextWorst;
  }
  return { visits, worst, topics };
}

/** The call links a visit of class `cls` to node i takes, with the expected calls over each. */
function outgoing(plan: Plan, i: number, cls: number): [number, number][] {
  const node = plan.nodes[i]!;
  const takes = (k: number) => {
    const mask = plan.links[k]!.classMask;
    return mask === null || mask[cls] === 1;
  };
  const eligible = node.out.filter(takes);
  const b = node.behavior;
  if (b.type === 'chooser') {
    // One link per request: in proportion to the weights, or evenly (round robin, least
    // connections and random all even out over many requests).
    const weight = (k: number) => (b.algorithm === 'weighted' ? plan.links[k]!.weight : 1);
    const total = eligible.reduce((a, k) => a + weight(k), 0);
    return total > 0 ? eligible.map((k) => [k, weight(k) / total]) : [];
  }
  // Every link in order, with its probability and fan-out. A read that hits a cache skips
  // the caller's later calls to PostgreSQL (core/datastore/redis.ts).
  let missed = 1;
  const result: [number, number][] = [];
  for (const k of eligible) {
    const link = plan.links[k]!;
    const to = plan.nodes[link.to]!.behavior;
    const calls = link.probability * link.fanOut;
    result.push([k, to.type === 'postgres' && to.writes[cls] !== 1 ? calls * missed : calls]);
    if (to.type === 'cache' && to.writes[cls] !== 1) missed *= 1 - link.probability * (1 - (1 - to.hitRatio) ** link.fanOut);
  }
  return result;
}

/** The server groups of a node and what each class needs of them; none for nodes without a queue. */
function poolsOf(node: PlanNode, classCount: number): Pool[] {
  const b = node.behavior;
  const perClass = (f: (c: number) => number) => Float64Array.from({ length: classCount }, (_, c) => f(c));
  if (b.type === 'station') {
    return [{ servers: b.servers, meanMs: perClass((c) => (b.serviceTime[c] === undefined ? 0 : distributionMean(b.serviceTime[c]))) }];
  }
  if (b.type === 'postgres') {
    const read = distributionMean(b.readTime);
    const write = distributionMean(b.writeTime);
    const isWrite = (c: number) => b.writes[c] === 1;
    if (b.mode === 'primary-replica' && b.readsFromReplicas && b.members > 1) {
      // Writes on the primary's connections, reads spread over the replicas'.
      return [
        { servers: b.maxConnections, meanMs: perClass((c) => (isWrite(c) ? write : 0)) },
        { servers: (b.members - 1) * b.maxConnections, meanMs: perClass((c) => (isWrite(c) ? 0 : read)) },
      ];
    }
    if (b.mode === 'primary-replica') return [{ servers: b.maxConnections, meanMs: perClass((c) => (isWrite(c) ? write : read)) }];
    return [{ servers: b.servers, meanMs: perClass((c) => (isWrite(c) ? write : read)) }];
  }
  return [];
}

function queueCapacityOf(node: PlanNode): number | null {
  const b = node.behavior;
  if (b.type === 'station') return b.queueCapacity;
  // A query waits for a connection in a queue as long as the pool (core/datastore/postgres.ts).
  if (b.type === 'postgres') return b.servers;
  return null;
}

function rateOf(node: PlanNode): RateFunction | null {
  if (node.behavior.type !== 'source') return null;
  try {
    return compileRate(node.behavior.rate);
  } catch {
    return null; // a replay file only the host reads
  }
}

/** Retries of the calls a node makes (stations retry, core/network.ts). */
function retriesOf(node: PlanNode): number {
  return node.behavior.type === 'station' ? node.behavior.retries.max : 0;
}

/** maxReplicas / replicas for an autoscaled station (at least 1); 1 otherwise. */
function maxReplicaScale(node: PlanNode): number {
  const b = node.behavior;
  if (b.type !== 'station' || b.scaling.policy === 'manual' || b.replicas <= 0) return 1;
  return Math.max(1, b.scaling.maxReplicas / b.replicas);
}

/** For nodes reached by retries: which upstream nodes retry (reachable to them by call links). */
function markRetriers(plan: Plan, retries: readonly number[], nodes: NodeLoad[]): void {
  plan.nodes.forEach((node, r) => {
    if (retries[r]! === 0) return;
    const seen = new Uint8Array(plan.nodes.length);
    const stack = node.out.map((k) => plan.links[k]!.to);
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (seen[i] === 1) continue;
      seen[i] = 1;
      if (nodes[i]!.retryAmplification > 1) nodes[i]!.retriedBy.push(node.id);
      for (const k of plan.nodes[i]!.out) stack.push(plan.links[k]!.to);
    }
  });
}
