// The data tier's part of the run summary, per node id: for PostgreSQL the data-loss figures
// (backup window, writes at risk, recovery by promotion) and the queries each member served;
// for Redis the measured hit ratio; for Kafka the messages published and each group's lag.
import type { DataLossSummary } from './backup.js';
import type { DataTier } from './tier.js';

export interface PostgresSummary extends DataLossSummary {
  kind: 'postgres';
  /** Queries completed per member (member 0 is the first primary). */
  served_per_member: number[];
  members_up: number;
}

export interface CacheSummary {
  kind: 'redis';
  lookups: number;
  hits: number;
  hit_ratio: number;
}

export interface BrokerSummary {
  kind: 'kafka';
  consumer_lag: number;
  groups: { topic: string; group: string; consumer: string; lag: number; consumed: number; failed: number; dropped: number }[];
}

export type DataNodeSummary = PostgresSummary | CacheSummary | BrokerSummary;

/** Counts cover the whole run (warm-up included): they describe the data, not a steady state. */
export function summarizeDataTier(tier: DataTier, nodeIds: readonly string[]): Record<string, DataNodeSummary> {
  const out: Record<string, DataNodeSummary> = {};
  nodeIds.forEach((id, n) => {
    const loss = tier.dataLoss(n);
    const members = tier.postgresMembers(n);
    if (loss !== null && members !== null) {
      out[id] = { kind: 'postgres', ...loss, served_per_member: members.served, members_up: members.up.filter(Boolean).length };
      return;
    }
    const lookups = tier.cacheLookups(n);
    if (!Number.isNaN(lookups)) {
      const hits = tier.cacheHits(n);
      out[id] = { kind: 'redis', lookups, hits, hit_ratio: lookups > 0 ? hits / lookups : 0 };
      return;
    }
    const lag = tier.consumerLag(n);
    if (!Number.isNaN(lag)) out[id] = { kind: 'kafka', consumer_lag: lag, groups: tier.consumerGroups(n) };
  });
  return out;
}
