import { z } from 'zod';

/** The per-node series a run records, in frame order (the kernel's SERIES_METRICS is this list): what a detector can watch. */
export const WATCHABLE_METRICS = [
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
export type WatchableMetric = (typeof WATCHABLE_METRICS)[number];

const WATCH_PATTERN = new RegExp(`^[a-z]([a-z0-9-]{0,61}[a-z0-9])?/(${WATCHABLE_METRICS.join('|')})$`);

/** "node/metric": the series an anomaly detector scores (the node is checked by the reference rules). */
export const watchSchema = z
  .string()
  .regex(WATCH_PATTERN, { message: `use "node/metric" with a node id and one of the series metrics: ${WATCHABLE_METRICS.join(', ')}` })
  .meta({ description: 'The series the anomaly detector scores, "node/metric" (e.g. "api/latency_p95_ms")' });

/** Splits a valid watch into its node id and metric. */
export function parseWatch(watch: string): { node: string; metric: WatchableMetric } {
  const slash = watch.indexOf('/');
  return { node: watch.slice(0, slash), metric: watch.slice(slash + 1) as WatchableMetric };
}
