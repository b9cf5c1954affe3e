#!/usr/bin/env node
// `npm run bench:ml` (a benchmark, not a test): the ML lab's figures under Node's wasm backend.
//  (a) training the default LSTM forecaster on 2,000 windows: wall time, median of --runs;
//  (b) one-window inference p50/p99 per shipped model: the kernel's plain-JS pass (what runs
//      use) and tfjs predict for comparison;
//  (c) gradient-boosted trees: training time and one-window inference;
//  (d) online learning during a run (a detector with onlineLearning): the cost of one learn()
//      call at each scrape, and of the gradient step taken every 25th.
// Prints the load average before and after: other processes share the cores.
//
//   node test/bench/ml-bench.mjs [--runs 3] [--calls 2000] [--json]
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './kernel-load.mjs';
import { loadMlBundle } from './ml-load.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, calls: { type: 'string', default: '2000' }, json: { type: 'boolean', default: false } } });
const RUNS = Math.max(1, Number(values.runs) || 3);
const CALLS = Math.max(100, Number(values.calls) || 2000);
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const loadBefore = loadavg();

const ml = await loadMlBundle(join('test', 'bench', 'ml-bench-entry.ts'));
const tf = await import('@tensorflow/tfjs');

const backend = await ml.useNodeMlBackend();

// A load-like series: a daily cycle of 96 steps (15 min), a weekly swell, seeded noise.
function series(length, seed = 1) {
  let a = seed >>> 0;
  const random = () => ((a = (a * 1664525 + 1013904223) >>> 0) / 4294967296);
  return Float64Array.from({ length }, (_, i) => 500 + 200 * Math.sin((2 * Math.PI * i) / 96) + 60 * Math.sin((2 * Math.PI * i) / 672) + 40 * (random() - 0.5));
}
function zscore(xs) {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { method: 'zscore', offset: mean, scale: Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length) };
}
function windows(xs, window, horizon, n, from, count) {
  const inputs = new Float32Array(count * window);
  const targets = new Float32Array(count);
  for (let k = 0; k < count; k++) {
    for (let j = 0; j < window; j++) inputs[k * window + j] = (xs[from + k + j] - n.offset) / n.scale;
    targets[k] = (xs[from + k + window - 1 + horizon] - n.offset) / n.scale;
  }
  return { inputs, targets, count, window };
}
const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const W = ml.DEFAULT_FORECASTER_WINDOW;
const TRAIN = 2000;
const VALIDATION = 400;
const xs = series(TRAIN + VALIDATION + 2 * W + 10);
const n = zscore(Array.from(xs.subarray(0, TRAIN + W)));
const dataset = (horizon) => {
  const span = (count) => ({ fromMs: 0, toMs: count * 900_000, count });
  return { source: 'csv', origin: 'bench', series: ['value'], window: W, horizon, stepMs: 900_000, train: span(TRAIN), validation: span(VALIDATION), test: span(0), anomalousPoints: 0 };
};
const request = (horizon) => ({
  name: 'bench',
  train: windows(xs, W, horizon, n, 0, TRAIN),
  validation: windows(xs, W, horizon, n, TRAIN, VALIDATION),
  normalisation: n,
  dataset: dataset(horizon),
});

// (a) training the default forecaster
const trainings = [];
let forecaster;
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  const trained = await ml.trainLstmForecaster(request(1));
  trainings.push({ wallMs: performance.now() - t0, epochs: trained.fit.epochs.length, validationMae: trained.artefact.evaluation.validationMae });
  if (forecaster) ml.disposeModel(trained.model);
  else forecaster = trained;
}
const detector = await ml.trainLstmDetector({ ...request(1), name: 'bench detector' });

// (b) one-window inference
function timeCalls(fn) {
  for (let i = 0; i < 50; i++) fn(i);
  const times = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
}
const history = (i) => xs.subarray(0, TRAIN + W + (i % VALIDATION));
function tfjsCalls(model) {
  const calls = Math.min(CALLS, 300);
  const times = [];
  for (let i = 0; i < calls + 20; i++) {
    const h = history(i);
    const t0 = performance.now();
    const window = Float32Array.from(h.subarray(h.length - W), (v) => (v - n.offset) / n.scale);
    const x = tf.tensor3d(window, [1, W, 1]);
    const y = model.predict(x);
    y.dataSync();
    tf.dispose([x, y]);
    if (i >= 20) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
}
const forecast = ml.forecasterFromArtefact(forecaster.artefact);
const score = ml.anomalyScorerFromArtefact(detector.artefact);
const t0 = performance.now();
const trees = ml.trainGbtForecaster(request(1));
const gbtTrainMs = performance.now() - t0;
const forecastTrees = ml.forecasterFromArtefact(trees.artefact);
const inference = {
  'lstm-forecaster plain JS': timeCalls((i) => forecast(history(i))),
  'lstm-forecaster tfjs predict': tfjsCalls(forecaster.model),
  'lstm-predictor (detector) plain JS': timeCalls((i) => score(history(i), xs[TRAIN + W + (i % VALIDATION)])),
  'lstm-predictor (detector) tfjs predict': tfjsCalls(detector.model),
  'gradient-boosted-trees plain JS': timeCalls((i) => forecastTrees(history(i))),
};

// (d) online learning: the default learner (a step every 25 points on the latest 64 pairs).
const learning = await ml.learningDetectorFromArtefact(detector.artefact);
const learnTimes = [];
const stepTimes = [];
for (let i = 0; i < CALLS; i++) {
  const h = xs.subarray(0, W + 1 + (i % (TRAIN + VALIDATION)));
  const t0 = performance.now();
  const step = learning.learn(h);
  const ms = performance.now() - t0;
  (step ? stepTimes : learnTimes).push(ms);
}
learning.dispose();
learnTimes.sort((a, b) => a - b);
stepTimes.sort((a, b) => a - b);
const online = {
  every: ml.DEFAULT_ONLINE_LEARNING.every,
  windows: ml.DEFAULT_ONLINE_LEARNING.windows,
  window: detector.artefact.window,
  steps: stepTimes.length,
  observeP50Ms: percentile(learnTimes, 0.5),
  observeP99Ms: percentile(learnTimes, 0.99),
  stepP50Ms: percentile(stepTimes, 0.5),
  stepP99Ms: percentile(stepTimes, 0.99),
};
ml.disposeModel(forecaster.model);
ml.disposeModel(detector.model);

const result = {
  backend: backend.backend,
  cores: cpus().length,
  loadavgBefore: loadBefore,
  loadavgAfter: loadavg(),
  defaultForecaster: { window: W, units: ml.DEFAULT_FORECASTER_SETTINGS.units, maxEpochs: ml.DEFAULT_FORECASTER_SETTINGS.epochs, trainWindows: TRAIN, validationWindows: VALIDATION },
  trainMsMedian: median(trainings.map((t) => t.wallMs)),
  trainings,
  inference,
  online,
  gbt: { trainMs: gbtTrainMs, trees: trees.artefact.trees.trees.length, validationMae: trees.artefact.evaluation.validationMae },
};
if (values.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const f = (ms) => `${ms.toFixed(3)} ms`;
  console.log(`backend ${result.backend}, ${result.cores} cores, load average before ${result.loadavgBefore}, after ${result.loadavgAfter}`);
  console.log(`(a) default forecaster (LSTM(${result.defaultForecaster.units}), window ${W}, ≤ ${result.defaultForecaster.maxEpochs} epochs, early stopping) on ${TRAIN} windows (+${VALIDATION} validation):`);
  console.log(`    median ${(result.trainMsMedian / 1000).toFixed(2)} s of ${RUNS} (${trainings.map((t) => `${(t.wallMs / 1000).toFixed(2)} s / ${t.epochs} epochs`).join(', ')}); validation MAE ${trainings[0].validationMae.toFixed(1)} (series amplitude 200)`);
  console.log(`(b) one-window inference (${CALLS} calls; tfjs ${Math.min(CALLS, 300)}):`);
  for (const [name, t] of Object.entries(inference)) console.log(`    ${name.padEnd(40)} p50 ${f(t.p50Ms)}  p99 ${f(t.p99Ms)}`);
  console.log(`(c) gradient-boosted trees: trained in ${(gbtTrainMs / 1000).toFixed(2)} s (${result.gbt.trees} trees kept), validation MAE ${result.gbt.validationMae.toFixed(1)}`);
  console.log(`(d) online learning (detector window ${online.window}, a step every ${online.every} points on the latest ${online.windows} pairs; ${CALLS} points, ${online.steps} steps):`);
  console.log(`    a point without a step p50 ${f(online.observeP50Ms)}  p99 ${f(online.observeP99Ms)}; a step p50 ${f(online.stepP50Ms)}  p99 ${f(online.stepP99Ms)}`);
}
