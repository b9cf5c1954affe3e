import type { AlertRule, Topology } from '../../src-preload/contract/topology/index.js';

/**
 * The label that names a devsim node on every series. Not `node`: in Kubernetes that label
 * already means the machine. The scrape configuration sets it, e.g. from the pod label the
 * Kubernetes export writes: `__meta_kubernetes_pod_label_io_devsim_node` → `devsim_node`.
 */
export const NODE_LABEL = 'devsim_node';

export type Metric = AlertRule['metric'];

/** The exporter a metric's series come from, when it is not the service's own client library. */
export const EXPORTER: Partial<Record<Metric, string>> = {
  disk_percent: 'node_exporter',
  network_mbps: 'node_exporter',
  replication_lag_ms: 'postgres_exporter',
  consumer_lag: 'kafka_exporter',
  queue_length: 'the service itself (devsim_queue_length)',
  utilization_percent: 'the service itself (devsim_utilization_ratio)',
  anomaly_score: 'the anomaly-detection service (devsim_anomaly_score)',
};

const QUANTILES = { latency_p50_ms: '0.5', latency_p95_ms: '0.95', latency_p99_ms: '0.99' } as const;

/** Label matchers for one node, or none for every node. */
const sel = (id: string | undefined, extra = ''): string => {
  const parts = [...(id === undefined ? [] : [`${NODE_LABEL}="${id}"`]), ...(extra ? [extra] : [])];
  return parts.length > 0 ? `{${parts.join(', ')}}` : '';
};

/**
 * PromQL for a metric of one node (or of every node, when `id` is undefined), grouped by
 * node, in the unit the document's alert rules use. `window` is the rate window.
 *
 * Series names follow the usual exporters: `process_*` from the Prometheus client
 * libraries, `http_requests_total{code}` and the `http_request_duration_seconds`
 * histogram from HTTP middleware, `node_*` from node_exporter, `pg_*` from
 * postgres_exporter, `kafka_consumergroup_lag` from kafka_exporter.
 */
export function metricExpr(metric: Metric, id: string | undefined, window: string): string {
  const by = `by (${NODE_LABEL})`;
  switch (metric) {
    case 'latency_p50_ms':
    case 'latency_p95_ms':
    case 'latency_p99_ms':
      return `1000 * histogram_quantile(${QUANTILES[metric]}, sum by (${NODE_LABEL}, le) (rate(http_request_duration_seconds_bucket${sel(id)}[${window}])))`;
    case 'cpu_percent':
      // Percent of one core; metricFor divides by the node's cores where it knows them.
      return `100 * avg ${by} (rate(process_cpu_seconds_total${sel(id)}[${window}]))`;
    case 'memory_percent':
      return `avg ${by} (process_resident_memory_bytes${sel(id)})`;
    case 'disk_percent':
      return `100 * max ${by} (1 - node_filesystem_avail_bytes${sel(id, 'fstype!~"tmpfs|overlay"')} / node_filesystem_size_bytes${sel(id, 'fstype!~"tmpfs|overlay"')})`;
    case 'network_mbps':
      return `8 * sum ${by} (rate(node_network_receive_bytes_total${sel(id)}[${window}]) + rate(node_network_transmit_bytes_total${sel(id)}[${window}])) / 1e6`;
    case 'error_rate_percent':
      return `100 * sum ${by} (rate(http_requests_total${sel(id, 'code=~"5.."')}[${window}])) / sum ${by} (rate(http_requests_total${sel(id)}[${window}]))`;
    case 'throughput_rps':
      return `sum ${by} (rate(http_requests_total${sel(id)}[${window}]))`;
    case 'queue_length':
      return `sum ${by} (devsim_queue_length${sel(id)})`;
    case 'utilization_percent':
      return `100 * avg ${by} (devsim_utilization_ratio${sel(id)})`;
    case 'replicas':
      return `count ${by} (up${sel(id)} == 1)`;
    case 'replication_lag_ms':
      return `1000 * max ${by} (pg_replication_lag_seconds${sel(id)})`;
    case 'consumer_lag':
      return `sum ${by} (kafka_consumergroup_lag${sel(id)})`;
    case 'anomaly_score':
      return `max ${by} (devsim_anomaly_score${sel(id)})`;
    case 'up':
      return `min ${by} (up${sel(id)})`;
    default:
      return metric satisfies never;
  }
}

/**
 * The expression for one node, scaled by what the document knows of it: CPU as a share of
 * the node's cores, memory as a share of its memory.
 */
function perNode(doc: Topology, metric: Metric, id: string, window: string): string {
  const node = doc.nodes[id];
  const base = metricExpr(metric, id, window);
  if (node && metric === 'cpu_percent') return node.resources.cpu === 1 ? base : `${base} / ${node.resources.cpu}`;
  if (node && metric === 'memory_percent') return `100 * ${base} / ${node.resources.memoryMiB * 1024 * 1024}`;
  return base;
}

/**
 * The metric for an alert's target. For `*`, the metrics scaled per node (CPU, memory) are
 * the union (`or`) of each deployed node's own expression, so every node is held to its
 * own size; the others need no node selector at all.
 */
export function metricFor(doc: Topology, metric: Metric, target: string, window: string, deployed: readonly string[]): string {
  if (target !== '*') return perNode(doc, metric, target, window);
  const scaled = metric === 'cpu_percent' || metric === 'memory_percent';
  if (!scaled || deployed.length === 0) {
    return metric === 'memory_percent' ? `100 * ${metricExpr(metric, undefined, window)} / ${512 * 1024 * 1024}` : metricExpr(metric, undefined, window);
  }
  return deployed.map((id) => `(${perNode(doc, metric, id, window)})`).join(' or ');
}
