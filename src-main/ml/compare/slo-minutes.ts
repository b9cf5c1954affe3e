// SLO-violation time of a run, from its series frames: a frame (one per minute when the run
// records at 60 s) violates the SLO when the kernel's SloCheck says so (at any traffic source,
// the end-to-end p99 or error rate of the interval over scenario.slo's targets).
import { SloCheck, type SeriesFrame, type SeriesLayout, type SloThresholds } from '../../kernel/index.js';

export type { SloThresholds };

export class SloMinutes {
  /** Milliseconds of frames that broke the SLO. */
  violatingMs = 0;
  /** Milliseconds of frames looked at. */
  observedMs = 0;
  private readonly check: SloCheck;

  constructor(
    private readonly layout: SeriesLayout,
    sourceIds: readonly string[],
    slo: SloThresholds,
    /** Frames at or before this time (the warm-up) are left out. */
    private readonly fromMs: number,
  ) {
    this.check = new SloCheck(layout, sourceIds, slo);
  }

  add(frames: readonly SeriesFrame[]): void {
    for (const f of frames) {
      if (f.tMs <= this.fromMs) continue;
      const span = Math.min(this.layout.intervalMs, f.tMs - this.fromMs);
      this.observedMs += span;
      if (this.check.broken(f.values)) this.violatingMs += span;
    }
  }

  get violatingMinutes(): number {
    return this.violatingMs / 60_000;
  }
}
