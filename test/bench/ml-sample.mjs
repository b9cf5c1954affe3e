#!/usr/bin/env node
// The ML-MODELS models on the lab's sample (resources/samples/latency-faults.csv, a real
// kernel run with an API instance failure and a database slowdown, labelled from its faults),
// beside the baselines, the way `devsim detect` / `devsim forecast` run them: one pass,
// trained on the probationary rows only, online from the rows already seen where it says so.
// Detection: point-wise and event-wise F1, false alarms, delay; forecasting: MAE, MAPE and
// MASE on the test part (last 15 %), scaled by seasonal naive on the first 70 %.
//
//   node test/bench/ml-sample.mjs [--probation 0.15] [--horizon 1] [--season 120] [--window 24]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from './kernel-load.mjs';
import { loadMlBundle } from './ml-load.mjs';

const { values: opts } = parseArgs({ options: { probation: { type: 'string', default: '0.15' }, horizon: { type: 'string', default: '1' }, season: { type: 'string', default: '120' }, window: { type: 'string', default: '24' } } });
const probation = Number(opts.probation);
const horizon = Number(opts.horizon);
const season = Number(opts.season);
const window = Number(opts.window);

const ml = await loadMlBundle(join('test', 'bench', 'ml-sample-entry.ts'));
const backend = await ml.useNodeMlBackend();
const samples = join(root, 'resources', 'samples');
const series = ml.parseTimestampValueCsv(readFileSync(join(samples, 'latency-faults.csv'), 'utf8'), 'latency-faults.csv');
const labels = Uint8Array.from(readFileSync(join(samples, 'latency-faults.labels.csv'), 'utf8').trim().split('\n').slice(1), (r) => Number(r.split(',')[1]));
const rows = series.values.length;
const p = ml.probationRows(rows, probation);
const after = (xs) => xs.subarray(p);
const episodes = ml.episodesOf(after(labels), after(series.timesMs));
const f = (x) => x.toFixed(3);
console.log(`backend ${backend.backend}; sample: ${rows} rows, ${p} probationary; ${episodes.length} labelled episodes after probation; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);

console.log('\n| detector | point P | point R | point F1 | events found | false alarms | event F1 | mean delay | wall |');
console.log('|---|---|---|---|---|---|---|---|---|');
const detectors = [
  ['rolling z-score (baseline, defaults)', () => ml.detectorNamed('zscore', { probationRows: p, parameters: {} })],
  [`LSTM predictor, window ${window}`, () => new ml.WindowModelDetector(new ml.LstmWindowModel({ purpose: 'detector', horizon: 1, window }), { probationRows: p })],
  [`LSTM predictor, window ${window}, online`, () => new ml.WindowModelDetector(new ml.LstmWindowModel({ purpose: 'detector', horizon: 1, window, online: ml.DEFAULT_ONLINE_LEARNING }), { probationRows: p })],
];
for (const [name, make] of detectors) {
  const t0 = performance.now();
  const { anomalies } = await ml.runDetector(make(), series.timesMs, series.values, p);
  const s = (performance.now() - t0) / 1000;
  const pw = ml.pointWiseScores(after(anomalies), after(labels));
  const ew = ml.eventWiseScores(after(anomalies), episodes, after(series.timesMs), 0);
  console.log(`| ${name} | ${f(pw.precision)} | ${f(pw.recall)} | ${f(pw.f1)} | ${ew.detected}/${ew.episodes} | ${ew.falsePositives} | ${f(ew.f1)} | ${ew.meanDelaySteps.toFixed(1)} steps | ${s.toFixed(1)} s |`);
}

console.log(`\n| forecaster, horizon ${horizon} | test MAE | test MAPE | test MASE | wall |`);
console.log('|---|---|---|---|---|');
const trainEnd = Math.floor(rows * 0.7);
const testFrom = Math.floor(rows * 0.85);
const forecasters = [
  [`seasonal naive (baseline, season ${season})`, () => ml.forecasterNamed('seasonal-naive', { horizon, season, probationRows: p })],
  [`LSTM, window ${window}`, () => new ml.WindowModelForecaster(new ml.LstmWindowModel({ purpose: 'forecaster', horizon, window }), horizon)],
  [`LSTM, window ${window}, online`, () => new ml.WindowModelForecaster(new ml.LstmWindowModel({ purpose: 'forecaster', horizon, window, online: ml.DEFAULT_ONLINE_LEARNING }), horizon)],
  [`gradient-boosted trees, ${window} lags`, () => new ml.WindowModelForecaster(new ml.GbtWindowModel({ horizon, window }), horizon)],
];
for (const [name, make] of forecasters) {
  const t0 = performance.now();
  const aligned = ml.alignForecasts(await ml.runForecaster(make(), series.timesMs, series.values, p), horizon);
  const s = (performance.now() - t0) / 1000;
  const e = ml.forecastErrors(series.values.subarray(testFrom), aligned.subarray(testFrom));
  const m = ml.mase(series.values.subarray(testFrom), aligned.subarray(testFrom), series.values.subarray(0, trainEnd), season);
  console.log(`| ${name} | ${e.mae.toFixed(2)} ms | ${e.mape.toFixed(1)} % | ${f(m)} | ${s.toFixed(1)} s |`);
}
