#!/usr/bin/env node
// Makes the ML lab's sample data set from a real kernel run (not hand-made numbers):
// runs resources/samples/latency-faults.devsim.yaml, picks the users' end-to-end p95
// latency, labels its points from the faults the kernel recorded (src-main/ml/data/labels.ts),
// and writes next to the document:
//   latency-faults.csv         timestamp,value (ISO times from 2024-05-01T00:00:00Z)
//   latency-faults.labels.csv  timestamp,anomaly (1 inside a fault's span)
// Usage: node scripts/make-ml-sample.mjs [--print]   (--print: show the series around the faults)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundled, root } from '../test/bench/kernel-load.mjs';

const NAME = 'latency-faults';
const SERIES = 'users/latency_p95_ms';
const START = Date.UTC(2024, 4, 1);
const dir = join(root, 'resources', 'samples');

const { createRun } = await loadBundled(join('src-main', 'kernel', 'index.ts'));
const { loadDocument } = await loadBundled(join('src-main', 'documents', 'load-document.ts'));
const { pickRunSeries } = await loadBundled(join('src-main', 'ml', 'data', 'run-series.ts'));
const { labelPoints } = await loadBundled(join('src-main', 'ml', 'data', 'labels.ts'));

const file = join(dir, `${NAME}.devsim.yaml`);
const { document, findings } = loadDocument(readFileSync(file, 'utf8'), file);
if (document === undefined) throw new Error(findings.map((f) => f.message).join('; '));

const t0 = performance.now();
const run = createRun(document, { seriesIntervalS: 30 });
const frames = [];
const events = [];
while (!run.done) {
  run.advance({ untilMs: run.now + 600_000 });
  const records = run.drain();
  frames.push(...records.frames);
  events.push(...records.events);
}
const series = pickRunSeries(run.seriesLayout, frames, [SERIES]);
const { labels, episodes } = labelPoints(series.timesMs, series.stepMs, events, { alerts: false });
const iso = (tMs) => new Date(START + tMs).toISOString();
const values = series.values[0];
writeFileSync(join(dir, `${NAME}.csv`), `timestamp,value\n${Array.from(values, (v, i) => `${iso(series.timesMs[i])},${v.toFixed(3)}`).join('\n')}\n`);
writeFileSync(join(dir, `${NAME}.labels.csv`), `timestamp,anomaly\n${Array.from(labels, (l, i) => `${iso(series.timesMs[i])},${l}`).join('\n')}\n`);
console.error(`${SERIES}: ${values.length} points every ${series.stepMs / 1000} s, ${series.filled[0]} filled, ${run.eventsProcessed.toLocaleString('en')} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const e of episodes) console.error(`episode ${iso(e.startMs)} … ${iso(e.endMs)} (${e.end - e.start + 1} points): ${e.causes.join('; ')}`);
if (process.argv.includes('--print')) {
  for (const e of episodes) {
    for (let i = Math.max(0, e.start - 5); i <= Math.min(values.length - 1, e.end + 5); i++) console.log(`${iso(series.timesMs[i])} ${values[i].toFixed(2)} ${labels[i]}`);
    console.log('');
  }
}
