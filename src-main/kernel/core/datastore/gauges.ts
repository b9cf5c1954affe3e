// Per-node gauges of the data tier, for the monitoring series (replication_lag_ms,
// consumer_lag) and the cache panels. Node ids are plan indices; NaN: the node has no such gauge.

export interface DataGauges {
  /** A sample of the replication lag (postgres with replicas; 0 when synchronous). Draws from the node's lag stream. */
  replicationLagMs(node: number): number;
  /** Kafka: messages published and not yet consumed, over all its consumer groups. */
  consumerLag(node: number): number;
  /** Redis: the probability of a hit now (drops to 0 on a flush, then climbs back). */
  cacheHitRatio(node: number): number;
  /** Redis: lookups and hits since the start, for a measured ratio over an interval. */
  cacheLookups(node: number): number;
  cacheHits(node: number): number;
}
