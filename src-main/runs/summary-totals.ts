import type { RunSummary } from '../kernel/index.js';

/** The kernel's summary with the host's wall-clock figures added to totals. */
export type HostSummary = Omit<RunSummary, 'totals'> & {
  totals: RunSummary['totals'] & { wall_seconds: number; events_per_second: number };
};

export function withWallTime(summary: RunSummary, wallMs: number): HostSummary {
  const wallSeconds = wallMs / 1000;
  return {
    ...summary,
    totals: { ...summary.totals, wall_seconds: wallSeconds, events_per_second: wallSeconds > 0 ? summary.totals.events / wallSeconds : 0 },
  };
}
