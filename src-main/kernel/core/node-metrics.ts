// What one node records. Counts and histograms restart at the end of warm-up; the time
// averages restart then too, from the state the node is in.
import { LatencyHistogram } from '../stats/histogram.js';
import { TimeWeighted } from '../stats/time-weighted.js';

export class NodeMetrics {
  arrivals = 0;
  completions = 0;
  rejected = 0;
  /** Timeouts (and calls past the depth limit). */
  errors = 0;
  /** Time in this node: queue + service (for a source: end to end). */
  readonly latency = new LatencyHistogram();
  /** Time from arrival to the response, downstream calls included. */
  readonly response = new LatencyHistogram();
  waitSum = 0;
  /** Requests queued. */
  readonly queue = new TimeWeighted();
  /** Requests in service (busy servers), or passing through. */
  readonly busy = new TimeWeighted();

  reset(t: number): void {
    this.arrivals = 0;
    this.completions = 0;
    this.rejected = 0;
    this.errors = 0;
    this.latency.reset();
    this.response.reset();
    this.waitSum = 0;
    this.queue.reset(t);
    this.busy.reset(t);
  }
}
