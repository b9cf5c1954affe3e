#!/usr/bin/env node
// The baselines' figures on the ML lab's sample (resources/samples/latency-faults.csv, made
// from a real kernel run by scripts/make-ml-sample.mjs): the rolling z-score detector's
// point-wise and event-wise F1 and detection delay against the fault labels, and the
// seasonal-naive forecaster's MAE, MAPE and MASE: streaming over the rows after the
// probationary period, and on the test part (last 15 %) with MASE scaled on the training part
// (first 70 %), as the lab's datasets split a series.
// Usage: node test/bench/baselines-sample.mjs [--probation 0.15] [--horizon 1] [--season 120]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadBundled, root } from './kernel-load.mjs';

const { values: opts } = parseArgs({ options: { probation: { type: 'string', default: '0.15' }, horizon: { type: 'string', default: '1' }, season: { type: 'string', default: '120' } } });
const probation = Number(opts.probation);
const horizon = Number(opts.horizon);
const season = Number(opts.season);

const ml = (path) => loadBundled(join('src-main', 'ml', ...path.split('/')));
const { parseTimestampValueCsv } = await ml('data/csv.ts');
const { episodesOf } = await ml('data/episodes.ts');
const { runDetector, runForecaster, alignForecasts } = await ml('streaming/drivers.ts');
const { probationRows } = await ml('streaming/probation.ts');
const { detectorNamed, forecasterNamed } = await ml('streaming/registry.ts');
const { pointWiseScores } = await ml('metrics/point-wise.ts');
const { chooseThreshold } = await ml('metrics/threshold.ts');
const { eventWiseScores } = await ml('metrics/event-wise.ts');
const { forecastErrors, mase } = await ml('metrics/forecast-errors.ts');

const samples = join(root, 'resources', 'samples');
const series = parseTimestampValueCsv(readFileSync(join(samples, 'latency-faults.csv'), 'utf8'), 'latency-faults.csv');
const labelRows = readFileSync(join(samples, 'latency-faults.labels.csv'), 'utf8').trim().split('\n').slice(1);
const labels = Uint8Array.from(labelRows, (r) => Number(r.split(',')[1]));
const rows = series.values.length;
const p = probationRows(rows, probation);
const stepMs = series.timesMs[1] - series.timesMs[0];
// Judge only after probation: nothing may be flagged before it.
const after = (xs) => xs.subarray(p);
const heldLabels = after(labels);
const heldTimes = after(series.timesMs);
const episodes = episodesOf(heldLabels, heldTimes);

console.log(`sample: ${rows} rows every ${stepMs / 1000} s, ${p} probationary; ${labels.reduce((a, b) => a + b, 0)} labelled points in ${episodes.length} episodes after probation`);
console.log('\n| detector | point P | point R | point F1 | events found | false alarms | event F1 | mean delay |');
console.log('|---|---|---|---|---|---|---|---|');
for (const zLimit of [3, 4, 5]) {
  for (const window of [50, 100, 200]) {
    const t0 = performance.now();
    const detector = detectorNamed('zscore', { probationRows: p, parameters: { window, zLimit } });
    const { anomalies } = await runDetector(detector, series.timesMs, series.values, p);
    const ms = performance.now() - t0;
    const pw = pointWiseScores(after(anomalies), heldLabels);
    const ew = eventWiseScores(after(anomalies), episodes, heldTimes, 0);
    const f = (x) => x.toFixed(3);
    console.log(
      `| z-score, window ${window}, z ≥ ${zLimit} | ${f(pw.precision)} | ${f(pw.recall)} | ${f(pw.f1)} | ${ew.detected}/${ew.episodes} | ${ew.falsePositives} | ${f(ew.f1)} | ${ew.meanDelaySteps.toFixed(1)} steps (${(ew.meanDelayMs / 1000).toFixed(0)} s) |`,
    );
    if (zLimit === 4 && window === 100) console.error(`(z-score over ${rows} rows: ${ms.toFixed(1)} ms, ${((ms * 1000) / rows).toFixed(1)} µs a row)`);
  }
}

// The threshold chosen on validation scores (rows 70–85 %), judged on the rows after them.
{
  const detector = detectorNamed('zscore', { probationRows: p, parameters: {} });
  const { scores } = await runDetector(detector, series.timesMs, series.values, p);
  const [from, to] = [Math.floor(rows * 0.7), Math.floor(rows * 0.85)];
  const choice = chooseThreshold(scores.subarray(from, to), labels.subarray(from, to));
  const flags = Uint8Array.from(scores.subarray(to), (x) => (x >= choice.threshold ? 1 : 0));
  const ew = eventWiseScores(flags, episodesOf(labels.subarray(to), series.timesMs.subarray(to)), series.timesMs.subarray(to), 0);
  const pw = pointWiseScores(flags, labels.subarray(to));
  console.log(
    `\nz-score (defaults) with the threshold from validation, ${choice.method}: ${choice.threshold.toFixed(6)}; ` +
      `on the last ${rows - to} rows point F1 ${pw.f1.toFixed(3)}, events found ${ew.detected}/${ew.episodes}, false alarms ${ew.falsePositives}`,
  );
}

const forecaster = forecasterNamed('seasonal-naive', { horizon, season, probationRows: p });
const aligned = alignForecasts(await runForecaster(forecaster, series.timesMs, series.values, p), horizon);
const naive = alignForecasts(await runForecaster(forecasterNamed('seasonal-naive', { horizon, season: 1, probationRows: p }), series.timesMs, series.values, p), horizon);
const trainEnd = Math.floor(rows * 0.7);
const testFrom = Math.floor(rows * 0.85);
for (const [name, f] of [[`seasonal naive (season ${season})`, aligned], ['naive (last value)', naive]]) {
  const e = forecastErrors(after(series.values), after(f));
  const t = forecastErrors(series.values.subarray(testFrom), f.subarray(testFrom));
  const m = mase(series.values.subarray(testFrom), f.subarray(testFrom), series.values.subarray(0, trainEnd), season);
  console.log(
    `\n${name}, horizon ${horizon}: after probation (${e.count} rows) MAE ${e.mae.toFixed(2)} ms, MAPE ${e.mape.toFixed(1)} %; ` +
      `test part (last ${rows - testFrom} rows) MAE ${t.mae.toFixed(2)} ms, MAPE ${t.mape.toFixed(1)} %, MASE ${m.toFixed(3)} (scale: seasonal naive, season ${season}, on the first ${trainEnd} rows)`,
  );
}
