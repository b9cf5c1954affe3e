#!/usr/bin/env node
// One measured run of a document in a fresh process (child of a benchmark): imports an
// already bundled kernel, so neither the bundler nor another run counts in the peak RSS.
// Prints one JSON line: wall seconds, events, events/s, simulated s per wall s, peak heap
// (sampled between slices) and peak RSS (the process's maxRSS), the first source's requests
// and error rate, how the run ended.
//
//   node test/bench/kernel-run-once.mjs KERNEL_BUNDLE.mjs DOCUMENT.json DURATION_S
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [kernelFile, docFile, durationArg] = process.argv.slice(2);
const k = await import(pathToFileURL(kernelFile).href);
const doc = JSON.parse(readFileSync(docFile, 'utf8'));
const durationS = Number(durationArg);
const run = k.createRun(doc, { durationS, warmupS: 0 });
let peakHeap = 0;
const t0 = performance.now();
while (!run.done) {
  run.advance({ maxEvents: 2_000_000 });
  run.drain(); // as the host does: series frames and events leave the kernel
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const wall = (performance.now() - t0) / 1000;
const source = Object.values(run.summary().sources)[0];
console.log(
  JSON.stringify({
    wall_seconds: wall,
    events: run.eventsProcessed,
    events_per_second: run.eventsProcessed / wall,
    simulated_seconds_per_wall_second: durationS / wall,
    peak_heap_mb: peakHeap / 1048576,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    requests: source?.requests ?? 0,
    error_rate: source?.error_rate ?? 0,
    state: run.state,
    stop_reason: run.stopReason,
  }),
);
