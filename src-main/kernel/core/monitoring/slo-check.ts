// Whether one series frame met the scenario's SLO end to end: at every traffic source the p99
// latency of the requests answered in the interval is at most scenario.slo.latencyP99Ms and
// their error rate (failed + turned away over all finished) at most slo.errorRatePercent.
// A source with nothing finished in the interval (NaN) breaks nothing; one whose requests all
// failed has an error rate of 100 % and breaks it. The steady-state checks of chaos
// experiments and the ML lab's SLO-violation minutes share this one definition.
import type { SeriesLayout } from '../records.js';

export interface SloThresholds {
  latencyP99Ms: number;
  errorRatePercent: number;
}

/** The larger of a running maximum and a value, where NaN (no data) on either side is ignored. */
export const maxKnown = (max: number, x: number): number => (Number.isNaN(x) || x <= max ? max : x);

export class SloCheck {
  private readonly p99: number[];
  private readonly errors: number[];

  constructor(
    layout: SeriesLayout,
    sourceIds: readonly string[],
    readonly slo: SloThresholds,
  ) {
    const m = layout.metrics.length;
    const at = (id: string, metric: string) => layout.nodes.indexOf(id) * m + layout.metrics.indexOf(metric as never);
    this.p99 = sourceIds.map((id) => at(id, 'latency_p99_ms'));
    this.errors = sourceIds.map((id) => at(id, 'error_rate_percent'));
  }

  /** True when some source broke the SLO in this frame. */
  broken(values: Float64Array): boolean {
    for (let k = 0; k < this.p99.length; k++) {
      if (values[this.p99[k]!]! > this.slo.latencyP99Ms || values[this.errors[k]!]! > this.slo.errorRatePercent) return true;
    }
    return false;
  }

  /** The worst p99 (ms) and error rate (%) over the sources in this frame; NaN where none had data. */
  worst(values: Float64Array): { p99Ms: number; errorRatePercent: number } {
    let p99Ms = NaN;
    let errorRatePercent = NaN;
    for (let k = 0; k < this.p99.length; k++) {
      p99Ms = maxKnown(p99Ms, values[this.p99[k]!]!);
      errorRatePercent = maxKnown(errorRatePercent, values[this.errors[k]!]!);
    }
    return { p99Ms, errorRatePercent };
  }
}
