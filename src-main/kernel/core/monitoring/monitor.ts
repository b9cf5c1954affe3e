// Monitoring for one run: the resource model, the scrape (series frames), the alert rules, the
// anomaly detectors and the chaos experiments' steady-state checks, wired to the simulator and
// the network. The run asks it for frames and for what the summary
// needs from it.
import type { Topology } from '../../../../src-preload/contract/topology/index.js';
import type { Simulator } from '../../engine/simulator.js';
import type { Network } from '../network.js';
import { SERIES_METRICS, type SeriesFrame, type SeriesLayout } from '../records.js';
import type { KernelModels } from '../scaling-models.js';
import { AlertEvaluator, type AlertSummary } from './alerts.js';
import { AnomalyWatch } from './anomaly-watch.js';
import { buildResourceModel, type ResourceModel } from './resources.js';
import { SeriesRecorder, type DataTierGauges } from './series.js';
import { SloCheck } from './slo-check.js';
import { SteadyStateWatch, type ExperimentSummary } from './steady-state.js';

export interface MonitoringOptions {
  endMs: number;
  /** Seconds between scrapes; default: settings.monitoring.scrapeIntervalS. */
  intervalS?: number;
  /** False: keep no frames (alert rules are still evaluated at each scrape). */
  recordSeries: boolean;
  gauges?: DataTierGauges | null;
  /** Models the ml-inference nodes name; their detectors score the series they watch. */
  models?: KernelModels;
}

export class Monitoring {
  readonly model: ResourceModel;
  readonly layout: SeriesLayout;
  readonly warnings: string[] = [];
  private readonly alerts: AlertEvaluator;
  private readonly anomalies: AnomalyWatch;
  private readonly recorder: SeriesRecorder | null;
  /** Null without traffic sources (no end-to-end SLO to check) or without scrapes. */
  private readonly steady: SteadyStateWatch | null;

  constructor(
    doc: Topology,
    private readonly sim: Simulator,
    net: Network,
    options: MonitoringOptions,
  ) {
    const intervalS = options.intervalS ?? doc.settings.monitoring.scrapeIntervalS;
    if (!(intervalS > 0 && intervalS < Infinity)) throw new RangeError(`the series interval must be a positive number of seconds, not ${intervalS}`);
    this.model = buildResourceModel(doc, net.plan);
    this.layout = { intervalMs: intervalS * 1000, nodes: net.plan.nodes.map((n) => n.id), metrics: SERIES_METRICS };
    this.alerts = new AlertEvaluator(doc.settings.monitoring.alertRules, this.layout.nodes, net.events, this.warnings);
    this.anomalies = new AnomalyWatch(doc, this.layout.nodes, options.models, net.events);
    // Runs that keep no series (benchmarks) still scrape for alert rules, detectors and planned faults.
    const scrape = options.recordSeries || this.alerts.ruleCount > 0 || this.anomalies.count > 0 || doc.scenario.faults.length > 0;
    this.recorder = scrape ? new SeriesRecorder(sim, net, this.model, this.layout, options.endMs, options.recordSeries, this.alerts, options.gauges ?? null) : null;
    const sources = net.plan.nodes.filter((n) => n.behavior.type === 'source').map((n) => n.id);
    const { steadyStateS, ...slo } = doc.scenario.slo;
    this.steady = this.recorder && sources.length > 0 ? new SteadyStateWatch(new SloCheck(this.layout, sources, slo), steadyStateS, this.layout.intervalMs, net.events) : null;
    if (this.steady) {
      const steady = this.steady;
      net.observeFaults((fault, injected, startMs, endMs) => steady.faultStarted(fault, injected, startMs, endMs));
    }
    if (this.recorder && (this.anomalies.count > 0 || this.steady)) {
      const { anomalies, steady } = this;
      this.recorder.onFrame = (tMs, values) => {
        if (anomalies.count > 0) anomalies.evaluate(tMs, values);
        steady?.evaluate(tMs, values);
      };
    }
  }

  /** The chaos experiments so far: one per fault that began, with its steady-state checks. */
  experiments(): ExperimentSummary[] {
    return this.steady?.summary() ?? [];
  }

  start(): void {
    this.anomalies.start(this.sim.now);
    this.recorder?.start();
  }

  drainFrames(): SeriesFrame[] {
    return this.recorder?.drain() ?? [];
  }

  get framesDropped(): number {
    return this.recorder?.dropped ?? 0;
  }

  /** Highest memory at a scrape for node i; NaN without scrapes. */
  memoryMax(i: number): number {
    return this.recorder?.memoryMax[i] ?? NaN;
  }

  alertSummary(nowMs: number): AlertSummary[] {
    return [...this.alerts.summary(nowMs), ...this.anomalies.summary(nowMs)];
  }

  /** Warnings for the summary: the plan's monitoring ones and dropped frames. */
  summaryWarnings(): string[] {
    const dropped = this.framesDropped;
    return dropped > 0 ? [...this.warnings, `${dropped} series frames were dropped: the host did not drain them in time (at most ${this.recorder!.maxPendingFrames} wait)`] : [...this.warnings];
  }
}
