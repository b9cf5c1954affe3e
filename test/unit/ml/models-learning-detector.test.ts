// A stored detector learning online during a run (an ml-inference node's onlineLearning): after
// a level shift its training never showed, the learning copy stops flagging the new normal while
// the frozen detector flags it throughout; learning sees only values already scored, each copy
// learns apart, and a step with a non-finite loss is undone.
import { beforeAll, describe, expect, it } from 'vitest';
import { anomalyScorerFromArtefact } from '../../../src-main/ml/artefact/kernel-models.js';
import { learningDetectorFromArtefact } from '../../../src-main/ml/models/learning-detector.js';
import { disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import { trainLstmDetector } from '../../../src-main/ml/models/train-detector.js';
import type { ModelArtefact } from '../../../src-preload/contract/ml-models.js';
import { datasetInfo, sineSeries, windowsOf, zscore } from './models-series.js';
import { useWasmBackend } from './models-tf-setup.js';

const WINDOW = 24;
let artefact: ModelArtefact;
const series = sineSeries(900, 24, 0.1);
for (let t = 500; t < series.length; t++) series[t] = series[t]! + 25; // a new normal, amplitude 20

beforeAll(async () => {
  await useWasmBackend();
  const n = zscore(series.subarray(0, 400));
  const trained = await trainLstmDetector({
    name: 'shift-detector',
    train: windowsOf(series, WINDOW, 1, n, 0, 300),
    validation: windowsOf(series, WINDOW, 1, n, 300, 400),
    normalisation: n,
    dataset: datasetInfo(WINDOW, 1, 400),
    settings: { units: 8, epochs: 6, seed: 2 },
  });
  disposeModel(trained.model);
  artefact = trained.artefact;
});

describe('a detector that learns online', () => {
  it('stops flagging a new normal it learned from the stream, where the frozen detector keeps flagging it', async () => {
    const learning = await learningDetectorFromArtefact(artefact, { every: 10, windows: 48 });
    const frozen = anomalyScorerFromArtefact(artefact);
    let steps = 0;
    let flaggedFrozen = 0;
    let flaggedLearning = 0;
    for (let t = WINDOW; t < series.length; t++) {
      const before = series.subarray(0, t);
      if (t >= 700) {
        if (frozen(before, series[t]!) >= artefact.threshold!) flaggedFrozen++;
        if (learning.score(before, series[t]!) >= learning.threshold) flaggedLearning++;
      }
      const step = learning.learn(series.subarray(0, t + 1));
      if (step) {
        expect(step.steps + step.undone).toBe(++steps);
        expect(step.windows).toBeLessThanOrEqual(48);
      }
    }
    learning.dispose();
    expect(steps).toBeGreaterThan(80);
    // Of 200 points of the new normal, from 200 points after the shift on (seeded: 61 and 0 here).
    expect(flaggedFrozen).toBeGreaterThanOrEqual(40);
    expect(flaggedLearning).toBeLessThanOrEqual(5);
  });

  it('learns nothing from a point before it has scored it, and each copy learns apart', async () => {
    const a = await learningDetectorFromArtefact(artefact, { every: 1, windows: 8 });
    const b = await learningDetectorFromArtefact(artefact, { every: 1, windows: 8 });
    const before = series.subarray(0, 600);
    const scoreOf = (d: typeof a) => d.score(before, series[600]!);
    expect(scoreOf(a)).toBe(scoreOf(b));
    // a learns from the shifted stretch up to point 599: b, untouched, still scores as it was trained.
    for (let t = 500; t < 600; t++) a.learn(series.subarray(0, t + 1));
    expect(scoreOf(b)).toBe(anomalyScorerFromArtefact(artefact)(before, series[600]!));
    expect(scoreOf(a)).toBeLessThan(scoreOf(b));
    a.dispose();
    b.dispose();
  });

  it('undoes a step whose loss is not finite, reports it, and scores as before', async () => {
    const d = await learningDetectorFromArtefact(artefact, { every: 4, windows: 8 });
    const wild = Float64Array.from(series.subarray(0, 460), (v, i) => (i >= 440 ? 1e30 : v));
    const before = series.subarray(0, 400);
    const scoreBefore = d.score(before, series[400]!);
    const steps = [];
    for (let t = 440; t < 460; t++) {
      const step = d.learn(wild.subarray(0, t + 1));
      if (step) steps.push(step);
    }
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step.steps).toBe(0);
      expect(Number.isNaN(step.loss)).toBe(true);
    }
    expect(steps.at(-1)!.undone).toBe(steps.length);
    expect(d.score(before, series[400]!)).toBe(scoreBefore);
    d.dispose();
  });

  it('stops learning for good when tfjs fails (here: its model freed under it), and scores on with what it had learned', async () => {
    const d = await learningDetectorFromArtefact(artefact, { every: 2, windows: 8 });
    for (let t = 400; t < 420; t++) d.learn(series.subarray(0, t + 1));
    const before = series.subarray(0, 450);
    const score = d.score(before, series[450]!);
    d.dispose(); // the tfjs model is gone; the next gradient step throws
    let stop;
    for (let t = 420; t < 430 && stop === undefined; t++) {
      const step = d.learn(series.subarray(0, t + 1));
      if (step?.stopped !== undefined) stop = step;
    }
    expect(stop).toMatchObject({ windows: 0, stopped: expect.stringMatching(/dispose/i) });
    expect(d.learn(series.subarray(0, 431))).toBeUndefined();
    expect(d.score(before, series[450]!)).toBe(score);
  });
});
