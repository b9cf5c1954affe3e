// What a run records besides its summary: time series sampled at the scrape interval and an
// event log. The host drains both while the run goes (to stream them to the renderer and
// store them in SQLite), so the kernel keeps only what was recorded since the last drain.

/** Per-node series, one value per node per frame, in this order. */
export const SERIES_METRICS = [
  'arrivals_rps',
  'throughput_rps',
  'errors_rps',
  'rejected_rps',
  'error_rate_percent',
  'latency_p50_ms',
  'latency_p95_ms',
  'latency_p99_ms',
  'queue_length',
  'in_flight',
  'utilization_percent',
  'cpu_cores',
  'memory_mib',
  'replicas',
  'ready_replicas',
  'cost_per_hour',
  'replication_lag_ms',
  'consumer_lag',
  'up',
] as const;
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
  'fault-started',
  'fault-ended',
  'failover',
  'deployment-started',
  'deployment-finished',
  'rollback',
  'alert-firing',
  'alert-resolved',
  'cache-flushed',
  'messages-dropped',
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
  dropped = 0;

  push(event: RunEvent): void {
    if (this.pending.length >= MAX_PENDING_EVENTS) {
      this.pending.shift();
      this.dropped++;
    }
    this.pending.push(event);
  }

  drain(): RunEvent[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
