// SLO-violation time of a run, from its series frames: a frame (one per minute when the run
// records at 60 s) violates the SLO when, at any traffic source, the end-to-end p99 latency
// of the requests answered in it exceeds scenario.slo.latencyP99Ms or their error rate
// (failed + turned away over all finished) exceeds scenario.slo.errorRatePercent. A frame
// with no answered request but some failed ones counts as violating (its error rate is 100 %).
import type { SeriesFrame, SeriesLayout } from '../../kernel/index.js';

export interface SloThresholds {
  latencyP99Ms: number;
  errorRatePercent: number;
}

export class SloMinutes {
  /** Milliseconds of frames that broke the SLO. */
  violatingMs = 0;
  /** Milliseconds of frames looked at. */
  observedMs = 0;
  private readonly p99: number[];
  private readonly errors: number[];

  constructor(
    private readonly layout: SeriesLayout,
    sourceIds: readonly string[],
    private readonly slo: SloThresholds,
    /** Frames at or before this time (the warm-up) are left out. */
    private readonly fromMs: number,
  ) {
    const m = layout.metrics.length;
    const at = (id: string, metric: string) => layout.nodes.indexOf(id) * m + layout.metrics.indexOf(metric as never);
    this.p99 = sourceIds.map((id) => at(id, 'latency_p99_ms'));
    this.errors = sourceIds.map((id) => at(id, 'error_rate_percent'));
  }

  add(frames: readonly SeriesFrame[]): void {
    for (const f of frames) {
      if (f.tMs <= this.fromMs) continue;
      const span = Math.min(this.layout.intervalMs, f.tMs - this.fromMs);
      this.observedMs += span;
      let broken = false;
      for (let k = 0; k < this.p99.length && !broken; k++) {
        const p99 = f.values[this.p99[k]!]!;
        const errorRate = f.values[this.errors[k]!]!;
        broken = p99 > this.slo.latencyP99Ms || errorRate > this.slo.errorRatePercent;
      }
      if (broken) this.violatingMs += span;
    }
  }

  get violatingMinutes(): number {
    return this.violatingMs / 60_000;
  }
}
