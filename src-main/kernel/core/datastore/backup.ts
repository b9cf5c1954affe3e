// Backups and the data-loss window (RPO) a failure can cost, kept simple and stated:
// - none: nothing to restore from; everything written since the database was created is at risk (no finite window).
// - manual: no schedule, so the window is unknown.
// - nightly: a snapshot a day; a failure just before the next one loses up to 24 h of writes.
// - continuous: WAL archiving ships each segment when full or at archive_timeout, which we
//   take as 60 s (a common setting); a failure loses at most that much.
// Failover to an asynchronous replica loses what had not replicated yet: the replication lag
// at the moment of failure (0 with synchronous replication).
import type { PostgresBehavior } from './plan.js';

export const NIGHTLY_RPO_S = 86_400;
export const CONTINUOUS_ARCHIVE_TIMEOUT_S = 60;

/** Worst-case seconds of writes lost when restoring from backup; null: no finite bound. */
export function backupRpoSeconds(backup: PostgresBehavior['backup']): number | null {
  switch (backup) {
    case 'nightly':
      return NIGHTLY_RPO_S;
    case 'continuous':
      return CONTINUOUS_ARCHIVE_TIMEOUT_S;
    case 'none':
    case 'manual':
      return null;
  }
}

export interface DataLossSummary {
  backup: PostgresBehavior['backup'];
  /** Worst-case window restoring from backup; null: unbounded (none) or unknown (manual). */
  rpo_seconds: number | null;
  /** Writes measured per second × the window: what a restore could lose. */
  writes_at_risk: number | null;
  /** Seconds from a primary failure until writes succeed again (promotion); null: no automatic recovery. */
  rto_seconds: number | null;
  primary_failures: number;
  /** Replication lag when the primary failed: writes in that window were lost by the failover (async). */
  failover_loss_window_ms: number | null;
}
