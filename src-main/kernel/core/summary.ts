// The summary of a run (the `devsim run` JSON): per node, per traffic source, totals. Field
// names are snake_case as the README documents them.
import type { CoarseHistogram } from '../stats/coarse-histogram.js';
import type { LatencyHistogram } from '../stats/histogram.js';
import { summarizeDataTier, type DataNodeSummary } from './datastore/summary.js';
import type { AlertSummary } from './monitoring/alerts.js';
import type { Monitoring } from './monitoring/monitor.js';
import { cpuCores, memoryMiB } from './monitoring/resources.js';
import type { ExperimentSummary } from './monitoring/steady-state.js';
import type { Network } from './network.js';
import type { NodeMetrics } from './node-metrics.js';

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
}

/** One request class at a node (classes that reached it only). */
export interface NodeClassSummary {
  arrivals: number;
  completions: number;
  rejected: number;
  errors: number;
  /** Time in this node: queue + service. */
  latency_ms: { mean: number };
}

/** One request class at a traffic source: end to end, percentiles within 3.2 % (coarse histogram). */
export interface SourceClassSummary {
  requests: number;
  completed: number;
  errors: number;
  error_rate: number;
  latency_ms: { mean: number; p50: number; p95: number; p99: number };
}

export interface NodeSummary {
  kind: string;
  arrivals: number;
  completions: number;
  rejected: number;
  /** Timeouts (and calls past the depth limit). */
  errors: number;
  /** Failed calls this node tried again (its retries with backoff). */
  retries: number;
  throughput_rps: number;
  /** Time in this node: queue + service. */
  latency_ms: LatencySummary;
  /** Queue only. */
  wait_ms: { mean: number };
  /** Arrival to response, downstream calls and their link latency included. */
  response_ms: LatencySummary;
  /** Busy servers / servers (time averages, so scaling counts); null for nodes without servers. */
  utilization: number | null;
  servers: number | null;
  mean_queue_length: number;
  mean_in_system: number;
  /** Per request class, by name. */
  classes: Record<string, NodeClassSummary>;
  /** Instances (starting ones included): time average and highest. */
  replicas: { mean: number; max: number };
  /** CPU cores in use, time average (see core/monitoring/resources.ts for the model). */
  cpu_cores: { mean: number };
  /** Memory in MiB: time average; max: the highest at a scrape (at least the mean). */
  memory_mib: { mean: number; max: number };
  /** Dollars over the measured time: ∫ instances · instance-hour price dt. */
  cost: number;
  /** Share of the measured time the node could serve (at least one ready instance). */
  availability: number;
}

export interface SourceSummary {
  requests: number;
  completed: number;
  errors: number;
  /** errors / (completed + errors). */
  error_rate: number;
  throughput_rps: number;
  /** End to end: arrival at the source to the response. */
  latency_ms: LatencySummary;
  /** Per request class, by name. */
  classes: Record<string, SourceClassSummary>;
}

export interface RunTotals {
  seed: number;
  simulated_seconds: number;
  warmup_seconds: number;
  /** Simulated seconds the statistics cover (after warm-up). */
  measured_seconds: number;
  events: number;
  in_flight: number;
  /** False when a budget stopped the run early (see stop_reason). */
  complete: boolean;
  stop_reason: string | null;
  /** Dollars over the measured time, all nodes. */
  cost: number;
  /** Alert firings, all rules and nodes. */
  alerts_fired: number;
  /** Series frames dropped because the host did not drain them in time. */
  frames_dropped: number;
}

export interface RunSummary {
  nodes: Record<string, NodeSummary>;
  sources: Record<string, SourceSummary>;
  totals: RunTotals;
  /** Every alert rule and node that fired: name, node, severity, fired (times), firing_seconds. */
  alerts: AlertSummary[];
  /** PostgreSQL, Redis and Kafka nodes: data-loss window and failover, measured hit ratio, consumer lag per group. */
  data_tier: Record<string, DataNodeSummary>;
  /** One chaos experiment per fault that began: its baseline, its verdict, recovery and the worst it got. */
  experiments: ExperimentSummary[];
  warnings: string[];
}

function latencyOf(h: LatencyHistogram): LatencySummary {
  return { mean: h.mean(), p50: h.quantile(0.5), p95: h.quantile(0.95), p99: h.quantile(0.99), p999: h.quantile(0.999) };
}

/** A run-time mean that is 0 when nothing was recorded, so the JSON never holds NaN. */
const orZero = (x: number) => (Number.isNaN(x) ? 0 : x);

function nodeClasses(names: readonly string[], m: NodeMetrics): Record<string, NodeClassSummary> {
  const out: Record<string, NodeClassSummary> = {};
  names.forEach((name, c) => {
    if (m.classArrivals[c] === 0 && m.classCompletions[c] === 0 && m.classErrors[c] === 0) return;
    const done = m.classCompletions[c]!;
    out[name] = { arrivals: m.classArrivals[c]!, completions: done, rejected: m.classRejected[c]!, errors: m.classErrors[c]!, latency_ms: { mean: done > 0 ? m.classLatencySum[c]! / done : 0 } };
  });
  return out;
}

function sourceClasses(names: readonly string[], m: NodeMetrics): Record<string, SourceClassSummary> {
  const out: Record<string, SourceClassSummary> = {};
  names.forEach((name, c) => {
    if (m.classArrivals[c] === 0) return;
    const done = m.classCompletions[c]!;
    const errors = m.classErrors[c]!;
    const h: CoarseHistogram | undefined = m.classLatency?.[c];
    const q = (p: number) => orZero(h?.quantile(p) ?? NaN);
    out[name] = {
      requests: m.classArrivals[c]!,
      completed: done,
      errors,
      error_rate: done + errors > 0 ? errors / (done + errors) : 0,
      latency_ms: { mean: done > 0 ? m.classLatencySum[c]! / done : 0, p50: q(0.5), p95: q(0.95), p99: q(0.99) },
    };
  });
  return out;
}

export function summarize(
  net: Network,
  now: number,
  totals: Omit<RunTotals, 'simulated_seconds' | 'measured_seconds' | 'in_flight' | 'cost' | 'alerts_fired' | 'frames_dropped'>,
  mon: Monitoring,
): RunSummary {
  const measuredMs = now - net.measuredFrom;
  const measuredHours = measuredMs / 3_600_000;
  const classNames = net.plan.classes.length > 0 ? net.plan.classes : ['default'];
  let cost = 0;
  const perSecond = (count: number) => (measuredMs > 0 ? (count * 1000) / measuredMs : 0);
  const nodes: Record<string, NodeSummary> = {};
  const sources: Record<string, SourceSummary> = {};
  net.plan.nodes.forEach((node, i) => {
    const m = net.metrics[i]!;
    if (node.behavior.type === 'source') {
      const responded = m.completions + m.errors;
      sources[node.id] = {
        requests: m.arrivals,
        completed: m.completions,
        errors: m.errors,
        error_rate: responded > 0 ? m.errors / responded : 0,
        throughput_rps: perSecond(m.completions),
        latency_ms: latencyOf(m.latency),
        classes: sourceClasses(classNames, m),
      };
      return;
    }
    const b = node.behavior;
    /** Servers at the start (stations: replicas × concurrency; PostgreSQL: all connections). */
    const servers = b.type === 'station' || b.type === 'postgres' ? b.servers : null;
    const busy = m.busy.mean(now);
    const queue = m.queue.mean(now);
    const scale = mon.model.instanceScale[i]!;
    const replicas = m.replicas.mean(now) * scale;
    const capacity = replicas * mon.model.concurrency[i]!;
    const memoryMean = memoryMiB(mon.model, i, replicas, queue + busy);
    const nodeCost = replicas * mon.model.price[i]! * measuredHours;
    cost += nodeCost;
    nodes[node.id] = {
      kind: node.kind,
      arrivals: m.arrivals,
      completions: m.completions,
      rejected: m.rejected,
      errors: m.errors,
      retries: net.retries[i]!,
      throughput_rps: perSecond(m.completions),
      latency_ms: latencyOf(m.latency),
      wait_ms: { mean: m.completions > 0 ? m.waitSum / m.completions : 0 },
      response_ms: latencyOf(m.response),
      utilization: servers === null ? null : capacity > 0 ? busy / capacity : 0,
      servers,
      mean_queue_length: queue,
      mean_in_system: queue + busy,
      classes: nodeClasses(classNames, m),
      replicas: { mean: replicas, max: m.replicas.max * scale },
      cpu_cores: { mean: cpuCores(mon.model, i, replicas, busy) },
      memory_mib: { mean: memoryMean, max: Math.max(memoryMean, orZero(mon.memoryMax(i))) },
      cost: nodeCost,
      availability: m.up.mean(now),
    };
  });
  const alerts = mon.alertSummary(now);
  return {
    nodes,
    sources,
    totals: {
      ...totals,
      simulated_seconds: now / 1000,
      measured_seconds: measuredMs / 1000,
      in_flight: net.inFlight,
      cost,
      alerts_fired: alerts.reduce((sum, a) => sum + a.fired, 0),
      frames_dropped: mon.framesDropped,
    },
    alerts,
    data_tier: summarizeDataTier(net.data, net.plan.nodes.map((n) => n.id)),
    experiments: mon.experiments(),
    warnings: [...net.plan.warnings, ...mon.summaryWarnings()],
  };
}
