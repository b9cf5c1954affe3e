// What one node records. Counts and histograms restart at the end of warm-up; the time
// averages restart then too, from the state the node is in. Series over the whole run (the
// scrape frames) read the lifetime figures, which ignore that restart.
import { CoarseHistogram } from '../stats/coarse-histogram.js';
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
  /** Instances, starting ones included. Whoever changes a node's replicas sets it (`replicas.set(now, n)`). */
  readonly replicas = new TimeWeighted();
  /** 1 while the node can serve (at least one ready instance), else 0; set where readiness changes. */
  readonly up = new TimeWeighted();
  /** Latency of the completions since the last scrape (the series' interval percentiles). */
  readonly interval = new CoarseHistogram();

  /** Per request class id. */
  readonly classArrivals: Float64Array;
  readonly classCompletions: Float64Array;
  readonly classErrors: Float64Array;
  readonly classRejected: Float64Array;
  readonly classLatencySum: Float64Array;
  /** Latency percentiles per class where they are asked for (traffic sources: end to end); else null. */
  readonly classLatency: CoarseHistogram[] | null;

  /** arrivals, completions, errors, rejected counted before the last reset. */
  private readonly before = new Float64Array(4);

  constructor(classes = 1, classPercentiles = false) {
    this.classArrivals = new Float64Array(classes);
    this.classCompletions = new Float64Array(classes);
    this.classErrors = new Float64Array(classes);
    this.classRejected = new Float64Array(classes);
    this.classLatencySum = new Float64Array(classes);
    this.classLatency = classPercentiles ? Array.from({ length: classes }, () => new CoarseHistogram()) : null;
  }

  arrived(cls: number): void {
    this.arrivals++;
    this.classArrivals[cls]!++;
  }

  completed(cls: number, latencyMs: number): void {
    this.completions++;
    this.latency.record(latencyMs);
    this.interval.record(latencyMs);
    this.classCompletions[cls]!++;
    this.classLatencySum[cls]! += latencyMs;
    if (this.classLatency !== null) this.classLatency[cls]!.record(latencyMs);
  }

  /** A timeout or another failure of a request of class `cls`. */
  failed(cls: number): void {
    this.errors++;
    this.classErrors[cls]!++;
  }

  /** Turned away: no server and no room in the queue. */
  refused(cls: number): void {
    this.rejected++;
    this.classRejected[cls]!++;
  }

  get lifetimeArrivals(): number {
    return this.before[0]! + this.arrivals;
  }

  get lifetimeCompletions(): number {
    return this.before[1]! + this.completions;
  }

  get lifetimeErrors(): number {
    return this.before[2]! + this.errors;
  }

  get lifetimeRejected(): number {
    return this.before[3]! + this.rejected;
  }

  reset(t: number): void {
    this.before[0]! += this.arrivals;
    this.before[1]! += this.completions;
    this.before[2]! += this.errors;
    this.before[3]! += this.rejected;
    this.arrivals = 0;
    this.completions = 0;
    this.rejected = 0;
    this.errors = 0;
    this.latency.reset();
    this.response.reset();
    this.waitSum = 0;
    this.queue.reset(t);
    this.busy.reset(t);
    this.replicas.reset(t);
    this.up.reset(t);
    this.classArrivals.fill(0);
    this.classCompletions.fill(0);
    this.classErrors.fill(0);
    this.classRejected.fill(0);
    this.classLatencySum.fill(0);
    if (this.classLatency !== null) for (const h of this.classLatency) h.clear();
  }
}
