// The scrape: every interval one frame with every series metric for every node, as a
// Prometheus scrape plus recording rules would give them:
// - rates (arrivals, throughput, errors, rejected) and the error rate over the interval;
// - latency percentiles over the interval, from a coarse histogram per node (16 buckets per
//   octave, 2.7 KB, within 3.2 %) that is cleared at each scrape at the cost of what it holds;
// - utilisation and CPU as time averages over the interval (the honest figure for a busy
//   fraction); memory, queue, in-flight, replicas, up and the cost rate as gauges at the scrape.
// NaN means no data (no completions, no servers, a traffic source's resources). Frames wait
// for the host's drain in a bounded buffer: past it the oldest are dropped and counted.
// Alert rules are evaluated on each frame's values. Frames cover the whole run, warm-up
// included (the summary leaves the warm-up out; the series show it).
import { PRIORITY_LATE, type EventKind, type Simulator } from '../../engine/simulator.js';
import type { Network } from '../network.js';
import { SERIES_METRICS, type SeriesFrame, type SeriesLayout, type SeriesMetric } from '../records.js';
import type { AlertEvaluator } from './alerts.js';
import { cpuCores, memoryMiB, type ResourceModel } from './resources.js';

/** Pending frame values kept between drains at most (bytes); beyond it the oldest frames go. */
export const MAX_PENDING_FRAME_BYTES = 64 * 1024 * 1024;
/** Frames kept between drains at most, however small. */
export const MAX_PENDING_FRAMES = 100_000;

/** Data-tier gauges per node index (replication lag, consumer lag); the data-tier models provide them. */
export interface DataTierGauges {
  replicationLagMs(node: number): number;
  consumerLag(node: number): number;
}

const M = Object.fromEntries(SERIES_METRICS.map((m, i) => [m, i])) as Record<SeriesMetric, number>;
const METRICS = SERIES_METRICS.length;

export class SeriesRecorder {
  /** Frames dropped because the host did not drain in time. */
  dropped = 0;
  private pending: SeriesFrame[] = [];
  private readonly maxPending: number;
  private readonly evScrape: EventKind;
  private lastT = 0;
  /** Lifetime figures at the previous scrape, per node. */
  private readonly last: { arrivals: Float64Array; completions: Float64Array; errors: Float64Array; rejected: Float64Array; busy: Float64Array; replicas: Float64Array };
  /** The highest memory seen at a scrape, per node (NaN before the first). */
  readonly memoryMax: Float64Array;
  /** Called with each scrape's values before they are kept (anomaly detectors score them). */
  onFrame: ((tMs: number, values: Float64Array) => void) | null = null;
  /** Values of the latest scrape (alerts read it; reused, so a scrape allocates one frame at most). */
  private current: Float64Array;

  constructor(
    private readonly sim: Simulator,
    private readonly net: Network,
    private readonly model: ResourceModel,
    readonly layout: SeriesLayout,
    private readonly endMs: number,
    /** False: scrape for alerts only, keep no frames (benchmarks). */
    private readonly keepFrames: boolean,
    private readonly alerts: AlertEvaluator | null,
    private readonly gauges: DataTierGauges | null = null,
  ) {
    const n = layout.nodes.length;
    const frameBytes = Math.max(1, n * METRICS * 8);
    this.maxPending = Math.max(2, Math.min(MAX_PENDING_FRAMES, Math.floor(MAX_PENDING_FRAME_BYTES / frameBytes)));
    this.last = { arrivals: new Float64Array(n), completions: new Float64Array(n), errors: new Float64Array(n), rejected: new Float64Array(n), busy: new Float64Array(n), replicas: new Float64Array(n) };
    this.memoryMax = new Float64Array(n).fill(NaN);
    this.current = new Float64Array(n * METRICS);
    this.evScrape = sim.register(() => this.onScrape());
  }

  /** Schedules the first scrape, one interval after the start. */
  start(): void {
    const at = this.sim.now + this.layout.intervalMs;
    // Late priority: the scrape sees every event of its instant.
    if (at <= this.endMs) this.sim.scheduleAt(at, PRIORITY_LATE, this.evScrape);
  }

  get maxPendingFrames(): number {
    return this.maxPending;
  }

  drain(): SeriesFrame[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  private onScrape(): void {
    const t = this.sim.now;
    const next = t + this.layout.intervalMs;
    if (next <= this.endMs) this.sim.scheduleAt(next, PRIORITY_LATE, this.evScrape);
    const values = this.keepFrames ? new Float64Array(this.layout.nodes.length * METRICS) : this.current;
    this.fill(values, t);
    this.current = values;
    this.alerts?.evaluate(t, (node, metric) => this.alertValue(node, metric));
    this.onFrame?.(t, values);
    if (!this.keepFrames) return;
    if (this.pending.length >= this.maxPending) {
      this.pending.shift();
      this.dropped++;
    }
    this.pending.push({ tMs: t, values });
  }

  private fill(values: Float64Array, t: number): void {
    const { net, model, last } = this;
    const dt = t - this.lastT;
    const perS = dt > 0 ? 1000 / dt : NaN;
    for (let i = 0; i < this.layout.nodes.length; i++) {
      const m = net.metrics[i]!;
      const o = i * METRICS;
      const arrivals = m.lifetimeArrivals;
      const completions = m.lifetimeCompletions;
      const errors = m.lifetimeErrors;
      const rejected = m.lifetimeRejected;
      const busyArea = m.busy.lifetimeAreaUntil(t);
      const replicaArea = m.replicas.lifetimeAreaUntil(t);
      const dDone = completions - last.completions[i]!;
      const dErr = errors - last.errors[i]!;
      const dRej = rejected - last.rejected[i]!;
      values[o + M.arrivals_rps] = (arrivals - last.arrivals[i]!) * perS;
      values[o + M.throughput_rps] = dDone * perS;
      values[o + M.errors_rps] = dErr * perS;
      values[o + M.rejected_rps] = dRej * perS;
      const answered = dDone + dErr + dRej;
      values[o + M.error_rate_percent] = answered > 0 ? ((dErr + dRej) / answered) * 100 : NaN;
      const h = m.interval;
      values[o + M.latency_p50_ms] = h.quantile(0.5);
      values[o + M.latency_p95_ms] = h.quantile(0.95);
      values[o + M.latency_p99_ms] = h.quantile(0.99);
      h.clear();
      const inNode = m.queue.value + m.busy.value;
      values[o + M.queue_length] = m.queue.value;
      values[o + M.in_flight] = inNode;
      values[o + M.up] = net.isUp(i) ? 1 : 0;
      values[o + M.replication_lag_ms] = this.gauges?.replicationLagMs(i) ?? NaN;
      values[o + M.consumer_lag] = this.gauges?.consumerLag(i) ?? NaN;
      if (Number.isNaN(model.cpu[i]!)) {
        // A traffic source: no instances, no resources.
        values[o + M.utilization_percent] = NaN;
        values[o + M.cpu_cores] = NaN;
        values[o + M.memory_mib] = NaN;
        values[o + M.replicas] = NaN;
        values[o + M.ready_replicas] = NaN;
        values[o + M.cost_per_hour] = NaN;
      } else {
        const busy = dt > 0 ? (busyArea - last.busy[i]!) / dt : m.busy.value;
        const scale = model.instanceScale[i]!;
        const instances = (dt > 0 ? (replicaArea - last.replicas[i]!) / dt : m.replicas.value) * scale;
        const servers = instances * model.concurrency[i]!;
        const replicas = net.replicaCount(i) * scale;
        // Stress faults' stressors hold memory and CPU of their own on every instance.
        const memory = memoryMiB(model, i, replicas, inNode) + replicas * net.faults.memoryMiB[i]!;
        values[o + M.utilization_percent] = servers > 0 && servers < Infinity ? (busy / servers) * 100 : NaN;
        values[o + M.cpu_cores] = cpuCores(model, i, instances, busy) + instances * model.cpu[i]! * Math.min(1, net.faults.cpuLoad[i]!);
        values[o + M.memory_mib] = memory;
        values[o + M.replicas] = replicas;
        values[o + M.ready_replicas] = net.readyReplicaCount(i) * scale;
        values[o + M.cost_per_hour] = replicas * model.price[i]!;
        if (!(memory <= this.memoryMax[i]!)) this.memoryMax[i] = memory;
      }
      last.arrivals[i] = arrivals;
      last.completions[i] = completions;
      last.errors[i] = errors;
      last.rejected[i] = rejected;
      last.busy[i] = busyArea;
      last.replicas[i] = replicaArea;
    }
    this.lastT = t;
  }

  /** An alert metric at node i from the latest scrape. */
  private alertValue(i: number, metric: string): number {
    const v = this.current;
    const o = i * METRICS;
    switch (metric) {
      case 'cpu_percent': {
        const requested = v[o + M.replicas]! * this.model.cpu[i]!;
        return requested > 0 ? (v[o + M.cpu_cores]! / requested) * 100 : NaN;
      }
      case 'memory_percent': {
        const requested = v[o + M.replicas]! * this.model.memoryMiB[i]!;
        return requested > 0 ? (v[o + M.memory_mib]! / requested) * 100 : NaN;
      }
      default:
        return metric in M ? v[o + M[metric as SeriesMetric]]! : NaN;
    }
  }
}
