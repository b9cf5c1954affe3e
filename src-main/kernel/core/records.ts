// What a run records besides its summary: time series sampled at the scrape interval and an
// event log. The host drains both while the run goes (to stream them to the renderer and
// store them in SQLite), so the kernel keeps only what was recorded since the last drain.

import { WATCHABLE_METRICS } from '../../../src-preload/contract/topology/watch.js';
/**
 * Per-node series, one value per node per frame, in this order (core/monitoring/series.ts fills them):
 * - arrivals_rps, throughput_rps (completions), errors_rps (timeouts, failures), rejected_rps:
 *   rates over the interval that ended at the frame's time; at a traffic source: requests sent,
 *   requests answered, requests failed;
 * - error_rate_percent: (errors + rejected) / (completions + errors + rejected) over the interval;
 * - latency_p50/p95/p99_ms: time in the node (queue + service; end to end at a source) of the
 *   interval's completions, within 3.2 %;
 * - utilization_percent: busy servers / servers, time average over the interval;
 * - cpu_cores: time average over the interval (model in core/monitoring/resources.ts);
 * - queue_length, in_flight (queued + in service), memory_mib, replicas (starting ones
 *   included), ready_replicas, cost_per_hour (dollars), up (1 or 0): gauges at the frame's time;
 * - replication_lag_ms (PostgreSQL with replicas), consumer_lag (Kafka, messages): the data
 *   tier's gauges at the frame's time.
 * NaN: no data (no completions in the interval, no servers, a traffic source's resources, a
 * gauge the node does not have).
 */
export const SERIES_METRICS = WATCHABLE_METRICS;
export type SeriesMetric = (typeof SERIES_METRICS)[number];

/** Which node and metric each value of a frame belongs to: value index = node · metrics.length + metric. */
export interface SeriesLayout {
  intervalMs: number;
  nodes: readonly string[];
  metrics: readonly SeriesMetric[];
}

/** One scrape: the values over the interval that ended at tMs (rates and percentiles) or at tMs (gauges). NaN: no data. */
export interface SeriesFrame {
  tMs: number;
  values: Float64Array;
}

export const RUN_EVENT_TYPES = [
  'run-started',
  'warmup-ended',
  'instance-started',
  'instance-ready',
  'instance-stopped',
  'instance-killed',
  'scaled',
  /** How a node's scaling policy works in this run (a forecaster gathering history, a model it could not use). */
  'scaling-policy',
  'fault-started',
  'fault-ended',
  'failover',
  'deployment-started',
  'deployment-finished',
  'rollback',
  'alert-firing',
  'alert-resolved',
  /** How a node's anomaly detector works in this run (a model it could not use). */
  'anomaly-detector',
  'cache-flushed',
  'messages-dropped',
  /** A chaos experiment's steady-state check: before a fault (its baseline), and once it is back after it. */
  'steady-state',
  'run-stopped',
] as const;
export type RunEventType = (typeof RUN_EVENT_TYPES)[number];

export interface RunEvent {
  /** Simulated milliseconds since the start. */
  tMs: number;
  type: RunEventType;
  /** The node (or group) concerned, if any. */
  target?: string;
  /** A sentence a person reads on the timeline. */
  message: string;
  severity: 'info' | 'warning' | 'critical';
  /** Numbers and names that go with the event (replicas from/to, alert value, …). */
  data?: Readonly<Record<string, number | string | boolean>>;
}

/** What a drain hands over: everything recorded since the previous drain. */
export interface RunRecords {
  frames: SeriesFrame[];
  events: RunEvent[];
}

/** Events kept between drains at most; beyond it the oldest are dropped and counted. */
export const MAX_PENDING_EVENTS = 100_000;

export class EventLog {
  private pending: RunEvent[] = [];
  private readonly listeners: ((event: RunEvent) => void)[] = [];
  dropped = 0;

  push(event: RunEvent): void {
    if (this.pending.length >= MAX_PENDING_EVENTS) {
      this.pending.shift();
      this.dropped++;
    }
    this.pending.push(event);
    for (const listener of this.listeners) listener(event);
  }

  /** Calls `listener` with each event as it is recorded (chaos experiments note the alerts that fire). */
  listen(listener: (event: RunEvent) => void): void {
    this.listeners.push(listener);
  }

  drain(): RunEvent[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
