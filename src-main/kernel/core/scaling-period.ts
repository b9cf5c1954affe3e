// What a node did between two autoscaler syncs, from the lifetime figures its metrics keep
// (so the end of warm-up, which resets the measured ones, does not disturb it).
import type { NodeMetrics } from './node-metrics.js';
import type { Station } from './station.js';

export interface PeriodMeasure {
  /** Busy servers / ready servers over the period; undefined: no ready server. */
  utilisation: number | undefined;
  /** Requests waiting, time average. */
  meanQueue: number;
  /** Ready servers, time average. */
  meanReadyServers: number;
  arrivalsRps: number;
  /** Busy server-ms per completed request; undefined: none completed. */
  serviceMs: number | undefined;
  /** Queue + service per completed request (Little's law); undefined: none completed. */
  timeInNodeMs: number | undefined;
  /** Failed or turned-away requests / arrivals (0 without arrivals). */
  failureShare: number;
  lifetimeArrivals: number;
}

export class ScalingPeriod {
  private atMs = 0;
  private busy = 0;
  private ready = 0;
  private queue = 0;
  private arrivals = 0;
  private completions = 0;
  private failures = 0;

  measure(nowMs: number, m: NodeMetrics, st: Station): PeriodMeasure {
    const busy = m.busy.lifetimeAreaUntil(nowMs);
    const ready = st.readyOverTime.lifetimeAreaUntil(nowMs) * st.concurrency;
    const queue = m.queue.lifetimeAreaUntil(nowMs);
    const arrivals = m.lifetimeArrivals;
    const completions = m.lifetimeCompletions;
    const failures = m.lifetimeErrors + m.lifetimeRejected;
    const spanMs = nowMs - this.atMs;
    const dBusy = busy - this.busy;
    const dReady = ready - this.ready;
    const dQueue = queue - this.queue;
    const dArrivals = arrivals - this.arrivals;
    const dCompletions = completions - this.completions;
    const dFailures = failures - this.failures;
    this.atMs = nowMs;
    this.busy = busy;
    this.ready = ready;
    this.queue = queue;
    this.arrivals = arrivals;
    this.completions = completions;
    this.failures = failures;
    return {
      utilisation: dReady > 0 ? dBusy / dReady : undefined,
      meanQueue: spanMs > 0 ? dQueue / spanMs : 0,
      meanReadyServers: spanMs > 0 ? dReady / spanMs : 0,
      arrivalsRps: spanMs > 0 ? (dArrivals * 1000) / spanMs : 0,
      serviceMs: dCompletions > 0 ? dBusy / dCompletions : undefined,
      timeInNodeMs: dCompletions > 0 ? (dBusy + dQueue) / dCompletions : undefined,
      failureShare: dArrivals > 0 ? Math.min(1, dFailures / dArrivals) : 0,
      lifetimeArrivals: arrivals,
    };
  }
}
