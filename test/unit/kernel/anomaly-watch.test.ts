// A run's anomaly detectors: an ml-inference node watching a series scores it at each scrape
// with the detector the run was given, and raises AnomalyDetected like an alert rule would.
// Stand-in detectors (plain functions) keep the test about the kernel, not about a model.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src-main/kernel/core/records.js';
import { createRun, type KernelDetector, type LearningDetector, type OnlineStep, type RunOptions } from '../../../src-main/kernel/index.js';
import { topology } from './helpers/documents.js';

const INTERVAL_S = 10;
const SPIKE = { atS: 300, durationS: 120 };

/** 20 requests/s, 200/s from 300 s to 420 s; the detector node watches the API's arrivals. */
function doc(model: string | undefined = 'spike-detector', watch = 'api/arrivals_rps', onlineLearning = false) {
  return topology(
    {
      src: { kind: 'traffic-source', rate: { type: 'spike', baseRps: 20, spikeRps: 200, ...SPIKE } },
      api: { kind: 'container', replicas: 50, serviceTime: { default: { type: 'constant', valueMs: 5 } } },
      detector: { kind: 'ml-inference', purpose: 'anomaly-detection', watch, onlineLearning, ...(model === undefined ? {} : { model }), serviceTime: { default: { type: 'constant', valueMs: 2 } } },
    },
    [{ type: 'call', from: 'src', to: 'api', latencyMs: 0 }],
    { durationS: 600, warmupS: 0 },
  );
}

function events(d: ReturnType<typeof doc>, options: RunOptions): RunEvent[] {
  const r = createRun(d, { seed: 3, seriesIntervalS: INTERVAL_S, ...options });
  const out: RunEvent[] = [];
  while (r.advance({ untilMs: r.now + 60_000 }) === 'running') out.push(...r.drain().events);
  out.push(...r.drain().events);
  return out;
}

const median = (xs: Float64Array): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** 1 when the value is over three times the median so far, else 0. */
const stepDetector = (window: number, calls: number[] = []): KernelDetector => ({
  name: 'spike-detector',
  window,
  threshold: 0.5,
  score: (history, value) => {
    calls.push(history.length);
    return value > 3 * median(history) ? 1 : 0;
  },
});

const alerts = (log: RunEvent[]) => log.filter((e) => e.type === 'alert-firing' || e.type === 'alert-resolved');

describe('anomaly detectors in a run', () => {
  it('fires AnomalyDetected at the step of the watched series and resolves after it, shaped like an alert rule', () => {
    const log = alerts(events(doc(), { models: { 'spike-detector': { type: 'detector', detector: stepDetector(5) } } }));
    expect(log.map((e) => e.type)).toEqual(['alert-firing', 'alert-resolved']);
    const [fired, resolved] = log as [RunEvent, RunEvent];
    // The first scrape whose interval holds spike traffic, and the first after the spike.
    expect(fired.tMs).toBeGreaterThan(SPIKE.atS * 1000);
    expect(fired.tMs).toBeLessThanOrEqual((SPIKE.atS + INTERVAL_S) * 1000);
    expect(resolved.tMs).toBeGreaterThan((SPIKE.atS + SPIKE.durationS) * 1000);
    expect(resolved.tMs).toBeLessThanOrEqual((SPIKE.atS + SPIKE.durationS + INTERVAL_S) * 1000);
    expect(fired).toMatchObject({ target: 'api', severity: 'warning', data: { alert: 'AnomalyDetected', metric: 'arrivals_rps', score: 1, threshold: 0.5, model: 'spike-detector', detector: 'detector' } });
    expect(fired.data!['value']).toBeGreaterThan(100);
    expect(fired.message).toMatch(/^AnomalyDetected firing on api: arrivals_rps/);
    expect(resolved).toMatchObject({ target: 'api', severity: 'info', data: { alert: 'AnomalyDetected', score: 0 } });
  });

  it('never scores before the history holds a full window', () => {
    const calls: number[] = [];
    const always: KernelDetector = { name: 'always', window: 12, threshold: 0.5, score: (h, v) => (calls.push(h.length), v >= 0 ? 1 : 0) };
    const log = alerts(events(doc('always'), { models: { always: { type: 'detector', detector: always } } }));
    expect(Math.min(...calls)).toBe(12);
    // Scrapes at 10 s, 20 s, …: the 13th is the first with 12 values before it.
    expect(log).toHaveLength(1);
    expect(log[0]!.tMs).toBe(13 * INTERVAL_S * 1000);
  });

  it('says once that a detector named but not given scores nothing, and runs on', () => {
    const log = events(doc('not-trained-yet'), {});
    const notes = log.filter((e) => e.type === 'anomaly-detector');
    expect(notes).toEqual([expect.objectContaining({ tMs: 0, target: 'detector', severity: 'warning', message: 'detector: anomaly detector "not-trained-yet" was not given to the run; api/arrivals_rps is not scored' })]);
    expect(alerts(log)).toEqual([]);
    expect(log.at(-1)?.type).not.toBe('run-stopped');
  });

  it('says so when the named model is not a detector', () => {
    const forecaster = { type: 'forecaster' as const, forecaster: { name: 'f', stepMs: 60_000, window: 1, forecast: () => 1 } };
    const notes = events(doc('f'), { models: { f: forecaster } }).filter((e) => e.type === 'anomaly-detector');
    expect(notes.map((e) => e.message)).toEqual(['detector: model "f" is not an anomaly detector; api/arrivals_rps is not scored']);
  });

  it("lists the anomaly in the run's summary beside the alert rules': times fired and seconds firing", () => {
    const r = createRun(doc(), { seed: 3, seriesIntervalS: INTERVAL_S, models: { 'spike-detector': { type: 'detector', detector: stepDetector(5) } } });
    while (r.advance({ untilMs: r.now + 60_000 }) === 'running') r.drain();
    const anomaly = r.summary().alerts.filter((a) => a.name === 'AnomalyDetected');
    expect(anomaly).toHaveLength(1);
    expect(anomaly[0]).toMatchObject({ node: 'api', severity: 'warning', fired: 1, firing_at_end: false });
    // From the scrape that fired to the one that resolved: the spike's 120 s, give or take a scrape.
    expect(anomaly[0]!.firing_seconds).toBeGreaterThanOrEqual(SPIKE.durationS - INTERVAL_S);
    expect(anomaly[0]!.firing_seconds).toBeLessThanOrEqual(SPIKE.durationS + INTERVAL_S);
    expect(r.summary().totals.alerts_fired).toBe(1);
  });

  it('scores even when the run keeps no series (alerts only)', () => {
    const log = alerts(events(doc(), { recordSeries: false, models: { 'spike-detector': { type: 'detector', detector: stepDetector(5) } } }));
    expect(log.map((e) => e.type)).toEqual(['alert-firing', 'alert-resolved']);
  });

  describe('online learning (onlineLearning on the node)', () => {
    /** A learning copy that records what it was shown and takes a "step" every `every` values; loss NaN on the steps in `undo`. */
    function learningCopy(every: number, shown: number[][], undo: number[] = []): LearningDetector {
      let steps = 0;
      let undone = 0;
      let seen = 0;
      return {
        ...stepDetector(5),
        learn(history): OnlineStep | undefined {
          shown.push([...history]);
          if (++seen % every !== 0) return undefined;
          const attempt = steps + undone + 1;
          if (undo.includes(attempt)) return { steps, undone: ++undone, loss: NaN, windows: 8 };
          return { steps: ++steps, undone, loss: 1 / attempt, windows: 8 };
        },
      };
    }

    it("scores with the node's learning copy, which learns from each value after scoring it, and reports the 1st and every 10th step", () => {
      const shown: number[][] = [];
      const byNode: string[] = [];
      const frozen: KernelDetector = { ...stepDetector(5), learning: (by) => (byNode.push(by), learningCopy(2, shown, [3])) };
      const log = events(doc('spike-detector', 'api/arrivals_rps', true), { models: { 'spike-detector': { type: 'detector', detector: frozen } } });
      expect(byNode).toEqual(['detector']);
      // 600 s at 10 s: 60 scrapes, each learned from once with every value so far, the newest last.
      expect(shown).toHaveLength(60);
      shown.forEach((h, i) => expect(h).toHaveLength(i + 1));
      expect(shown[59]!.slice(0, 59)).toEqual(shown[58]);
      const steps = log.filter((e) => e.type === 'anomaly-detector');
      // 30 attempts: the 3rd undone, so steps 1…29; reported: 1, 10, 20 and the undone one.
      expect(steps.map((e) => [e.severity, e.data?.['onlineSteps'], e.data?.['undone']])).toEqual([
        ['info', 1, 0],
        ['warning', 2, 1],
        ['info', 10, 1],
        ['info', 20, 1],
      ]);
      // The 2nd scrape (20 s) ends the first pair of values: step 1, its loss 1/1.
      expect(steps[0]).toMatchObject({ tMs: 20_000, target: 'detector', data: { model: 'spike-detector', windows: 8, loss: 1 } });
      expect(steps[0]!.message).toBe('detector: online learning step 1 on the latest 8 windows, loss 1.00 (spike-detector, api/arrivals_rps)');
      expect(steps[1]!.data).not.toHaveProperty('loss');
      // The learning copy still raises the anomaly.
      expect(alerts(log).map((e) => e.type)).toEqual(['alert-firing', 'alert-resolved']);
    });

    it('says when learning stops for good, then scores on without calling the learner again', () => {
      const shown: number[][] = [];
      let calls = 0;
      const copy: LearningDetector = {
        ...stepDetector(5),
        learn(history) {
          shown.push([...history]);
          return ++calls === 3 ? { steps: 1, undone: 0, loss: NaN, windows: 0, stopped: 'the wasm backend ran out of memory' } : undefined;
        },
      };
      const frozen: KernelDetector = { ...stepDetector(5), learning: () => copy };
      const log = events(doc('spike-detector', 'api/arrivals_rps', true), { models: { 'spike-detector': { type: 'detector', detector: frozen } } });
      expect(shown).toHaveLength(3);
      const notes = log.filter((e) => e.type === 'anomaly-detector');
      expect(notes).toEqual([
        expect.objectContaining({
          tMs: 30_000,
          severity: 'warning',
          message: 'detector: online learning stopped after 1 steps (the wasm backend ran out of memory); spike-detector scores api/arrivals_rps with what it has learned',
          data: expect.objectContaining({ stopped: 'the wasm backend ran out of memory' }),
        }),
      ]);
      expect(alerts(log).map((e) => e.type)).toEqual(['alert-firing', 'alert-resolved']);
    });

    it('leaves learning off unless the node asks, and says why when no learning copy can be made', () => {
      const asked: string[] = [];
      const frozen: KernelDetector = { ...stepDetector(5), learning: (by) => (asked.push(by), { unavailable: 'no TensorFlow.js backend could start' }) };
      const models = { 'spike-detector': { type: 'detector' as const, detector: frozen } };
      expect(events(doc(), { models }).filter((e) => e.type === 'anomaly-detector')).toEqual([]);
      expect(asked).toEqual([]);
      const log = events(doc('spike-detector', 'api/arrivals_rps', true), { models });
      expect(log.filter((e) => e.type === 'anomaly-detector').map((e) => e.message)).toEqual([
        'detector: spike-detector cannot learn online in this run (no TensorFlow.js backend could start); it scores api/arrivals_rps without updating',
      ]);
      expect(alerts(log).map((e) => e.type)).toEqual(['alert-firing', 'alert-resolved']);
      const noFactory = events(doc('spike-detector', 'api/arrivals_rps', true), { models: { 'spike-detector': { type: 'detector', detector: stepDetector(5) } } });
      expect(noFactory.filter((e) => e.type === 'anomaly-detector').map((e) => e.message)).toEqual([
        'detector: spike-detector cannot learn online in this run (the run was given no way to train it); it scores api/arrivals_rps without updating',
      ]);
    });
  });
});
