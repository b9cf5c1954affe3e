// The summary of a run (the `devsim run` JSON): per node, per traffic source, totals. Field
// names are snake_case as the README documents them.
import type { LatencyHistogram } from '../stats/histogram.js';
import type { Network } from './network.js';

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
}

export interface NodeSummary {
  kind: string;
  arrivals: number;
  completions: number;
  rejected: number;
  /** Timeouts (and calls past the depth limit). */
  errors: number;
  throughput_rps: number;
  /** Time in this node: queue + service. */
  latency_ms: LatencySummary;
  /** Queue only. */
  wait_ms: { mean: number };
  /** Arrival to response, downstream calls and their link latency included. */
  response_ms: LatencySummary;
  /** Busy servers / servers; null for nodes without servers. */
  utilization: number | null;
  servers: number | null;
  mean_queue_length: number;
  mean_in_system: number;
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
}

export interface RunSummary {
  nodes: Record<string, NodeSummary>;
  sources: Record<string, SourceSummary>;
  totals: RunTotals;
  warnings: string[];
}

function latencyOf(h: LatencyHistogram): LatencySummary {
  return { mean: h.mean(), p50: h.quantile(0.5), p95: h.quantile(0.95), p99: h.quantile(0.99), p999: h.quantile(0.999) };
}

export function summarize(net: Network, now: number, totals: Omit<RunTotals, 'simulated_seconds' | 'measured_seconds' | 'in_flight'>): RunSummary {
  const measuredMs = now - net.measuredFrom;
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
      };
      return;
    }
    const servers = node.behavior.type === 'station' ? node.behavior.servers : null;
    const busy = m.busy.mean(now);
    const queue = m.queue.mean(now);
    nodes[node.id] = {
      kind: node.kind,
      arrivals: m.arrivals,
      completions: m.completions,
      rejected: m.rejected,
      errors: m.errors,
      throughput_rps: perSecond(m.completions),
      latency_ms: latencyOf(m.latency),
      wait_ms: { mean: m.completions > 0 ? m.waitSum / m.completions : 0 },
      response_ms: latencyOf(m.response),
      utilization: servers === null ? null : servers > 0 ? busy / servers : 0,
      servers,
      mean_queue_length: queue,
      mean_in_system: queue + busy,
    };
  });
  return {
    nodes,
    sources,
    totals: { ...totals, simulated_seconds: now / 1000, measured_seconds: measuredMs / 1000, in_flight: net.inFlight },
    warnings: [...net.plan.warnings],
  };
}
