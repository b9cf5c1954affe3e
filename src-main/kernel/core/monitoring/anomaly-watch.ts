// Anomaly detection inside a run: every ml-inference node with purpose anomaly-detection, a
// `watch` and a detector model scores the watched series at each scrape, from the values before
// it only. A score at or above the model's threshold fires an AnomalyDetected alert on the
// watched node, shaped like the alert rules' (alerts.ts), so the Alerts panel, the timeline and
// the ML lab's labels treat it like any other; the first score below resolves it. No data (NaN)
// is neither scored nor kept. A detector named but not given to the run is said once.
// With `onlineLearning` the node scores with its own learning copy of the detector, which
// learns from each value after scoring it; its steps are on the timeline (the first, then
// every REPORT_EVERY_STEPS-th, and every undone one).
import { parseWatch, type Topology } from '../../../../src-preload/contract/topology/index.js';
import { SERIES_METRICS, type EventLog, type SeriesMetric } from '../records.js';
import type { AlertSummary } from './alerts.js';
import type { KernelDetector, KernelModels, LearningDetector, OnlineStep } from '../scaling-models.js';

/** The rule name anomaly alerts carry (data.alert), as alert rules carry theirs. */
export const ANOMALY_ALERT = 'AnomalyDetected';

/** Online learning steps between two timeline reports: a step every few minutes of a day's run would crowd it. */
export const REPORT_EVERY_STEPS = 10;

interface Watcher {
  /** The ml-inference node whose model scores. */
  readonly by: string;
  readonly detector: KernelDetector;
  /** The node's learning copy (it is also `detector`), while it learns online. */
  learner: LearningDetector | undefined;
  /** The watched node's id and index, and the metric's index in a frame. */
  readonly node: string;
  readonly nodeIndex: number;
  readonly metric: SeriesMetric;
  readonly metricIndex: number;
  history: Float64Array;
  length: number;
  firing: boolean;
  /** For the run's summary: times fired, ms spent firing before the current spell, when it began. */
  fired: number;
  firingMs: number;
  firingSince: number;
}

export class AnomalyWatch {
  private readonly watchers: Watcher[] = [];
  /** Said at the start: detectors named but not given, or models that are not detectors. */
  private readonly notes: { target: string; message: string }[] = [];

  constructor(
    doc: Topology,
    nodes: readonly string[],
    models: KernelModels | undefined,
    private readonly events: EventLog,
  ) {
    for (const [id, node] of Object.entries(doc.nodes)) {
      if (node.kind !== 'ml-inference' || node.purpose !== 'anomaly-detection' || node.watch === undefined || node.model === undefined) continue;
      const model = models?.[node.model];
      if (model?.type !== 'detector') {
        const what = model === undefined ? `anomaly detector "${node.model}" was not given to the run` : `model "${node.model}" is not an anomaly detector`;
        this.notes.push({ target: id, message: `${id}: ${what}; ${node.watch} is not scored` });
        continue;
      }
      const { node: watched, metric } = parseWatch(node.watch);
      const nodeIndex = nodes.indexOf(watched);
      if (nodeIndex < 0) {
        this.notes.push({ target: id, message: `${id}: watches "${watched}", which is not a node of the run; nothing is scored` });
        continue;
      }
      const metricIndex = SERIES_METRICS.indexOf(metric);
      const copy = node.onlineLearning ? (model.detector.learning?.(id) ?? { unavailable: 'the run was given no way to train it' }) : undefined;
      const learner = copy === undefined || 'unavailable' in copy ? undefined : copy;
      if (copy !== undefined && 'unavailable' in copy) {
        this.notes.push({ target: id, message: `${id}: ${node.model} cannot learn online in this run (${copy.unavailable}); it scores ${node.watch} without updating` });
      }
      const detector = learner ?? model.detector;
      this.watchers.push({ by: id, detector, learner, node: watched, nodeIndex, metric, metricIndex, history: new Float64Array(64), length: 0, firing: false, fired: 0, firingMs: 0, firingSince: NaN });
    }
  }

  /** Detectors that score (the scrape runs for them even when no series are kept). */
  get count(): number {
    return this.watchers.length;
  }

  /** Says what could not be used; at the start of the run. */
  start(tMs: number): void {
    for (const n of this.notes) this.events.push({ tMs, type: 'anomaly-detector', target: n.target, message: n.message, severity: 'warning' });
  }

  /** One scrape's values (node-major, SERIES_METRICS order) at `tMs`. */
  evaluate(tMs: number, values: Float64Array): void {
    for (const w of this.watchers) {
      const value = values[w.nodeIndex * SERIES_METRICS.length + w.metricIndex]!;
      if (Number.isNaN(value)) continue;
      if (w.length >= w.detector.window) this.judge(w, tMs, value, w.detector.score(w.history.subarray(0, w.length), value));
      append(w, value);
      const step = w.learner?.learn(w.history.subarray(0, w.length));
      if (step) this.report(w, tMs, step);
    }
  }

  /** Each watched series that fired, as the alert rules' summary lists them (severity warning, as its events). */
  summary(nowMs: number): AlertSummary[] {
    return this.watchers
      .filter((w) => w.fired > 0)
      .map((w) => ({
        name: ANOMALY_ALERT,
        node: w.node,
        severity: 'warning' as const,
        fired: w.fired,
        firing_seconds: (w.firingMs + (w.firing ? nowMs - w.firingSince : 0)) / 1000,
        firing_at_end: w.firing,
      }));
  }

  private report(w: Watcher, tMs: number, step: OnlineStep): void {
    if (step.stopped !== undefined) {
      w.learner = undefined;
      this.events.push({
        tMs,
        type: 'anomaly-detector',
        target: w.by,
        message: `${w.by}: online learning stopped after ${step.steps} steps (${step.stopped}); ${w.detector.name} scores ${w.node}/${w.metric} with what it has learned`,
        severity: 'warning',
        data: { model: w.detector.name, onlineSteps: step.steps, undone: step.undone, stopped: step.stopped },
      });
      return;
    }
    const undone = Number.isNaN(step.loss);
    if (!undone && step.steps !== 1 && step.steps % REPORT_EVERY_STEPS !== 0) return;
    const what = undone ? `an online learning step was undone (the loss was not finite); ${step.undone} undone so far` : `online learning step ${step.steps} on the latest ${step.windows} windows, loss ${step.loss.toPrecision(3)}`;
    this.events.push({
      tMs,
      type: 'anomaly-detector',
      target: w.by,
      message: `${w.by}: ${what} (${w.detector.name}, ${w.node}/${w.metric})`,
      severity: undone ? 'warning' : 'info',
      data: { model: w.detector.name, onlineSteps: step.steps, undone: step.undone, windows: step.windows, ...(undone ? {} : { loss: step.loss }) },
    });
  }

  private judge(w: Watcher, tMs: number, value: number, score: number): void {
    const { detector } = w;
    const anomalous = score >= detector.threshold;
    if (anomalous === w.firing) return;
    w.firing = anomalous;
    if (anomalous) {
      w.fired++;
      w.firingSince = tMs;
    } else {
      w.firingMs += tMs - w.firingSince;
      w.firingSince = NaN;
    }
    const data = { alert: ANOMALY_ALERT, metric: w.metric, value, threshold: detector.threshold, score, model: detector.name, detector: w.by };
    this.events.push(
      anomalous
        ? {
            tMs,
            type: 'alert-firing',
            target: w.node,
            message: `${ANOMALY_ALERT} firing on ${w.node}: ${w.metric} ${format(value)} scored ${score.toFixed(3)} ≥ ${format(detector.threshold)} by ${detector.name}`,
            severity: 'warning',
            data,
          }
        : { tMs, type: 'alert-resolved', target: w.node, message: `${ANOMALY_ALERT} resolved on ${w.node}: ${w.metric} ${format(value)} scored ${score.toFixed(3)}`, severity: 'info', data },
    );
  }
}

/** Keeps the value, doubling the history's room when full (amortised O(1) per scrape). */
function append(w: Watcher, value: number): void {
  if (w.length === w.history.length) {
    const grown = new Float64Array(w.history.length * 2);
    grown.set(w.history);
    w.history = grown;
  }
  w.history[w.length++] = value;
}

const format = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(4));
