#!/usr/bin/env node
// Benchmark (not a test): whole runs through createRun. M/M/1 at ρ = 0.8 (λ = 800/s, mean
// service 1 ms) and each template at the load its document states (its own rate profiles from
// t = 0; the mean offered rate is printed). Prints events per second and simulated seconds per
// wall second (median of the runs) and peak heap.
//
//   node test/bench/kernel-models.mjs [--runs 3] [--mm1-seconds 20000]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadBundled, loadKernel, median, root } from './kernel-load.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'mm1-seconds': { type: 'string', default: '2000' }, 'template-seconds': { type: 'string', default: '3600' } }, strict: false });
const RUNS = Math.max(1, Number(values.runs) || 3);
const k = await loadKernel();
const { loadDocument } = await loadBundled(join('src-main', 'documents', 'load-document.ts'));
const { topologySchema } = await loadBundled(join('src-preload', 'contract', 'index.ts'));

function timeRun(doc, durationS) {
  const run = k.createRun(doc, { durationS, warmupS: 0 });
  const t0 = performance.now();
  let peakHeap = 0;
  while (!run.done) {
    run.advance({ maxEvents: 2_000_000 });
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const wall = (performance.now() - t0) / 1000;
  // The load the run offered: requests of all traffic sources per simulated second.
  const loadRps = Object.values(run.summary().sources).reduce((a, s) => a + s.requests, 0) / durationS;
  return { loadRps, eventsPerS: run.eventsProcessed / wall, simPerWall: durationS / wall, events: run.eventsProcessed, wall, peakHeap, complete: run.state === 'done' };
}

function report(name, durationS, doc) {
  const rs = [];
  for (let i = 0; i < RUNS; i++) rs.push(timeRun(doc, durationS));
  const row = {
    name,
    simulated_seconds: durationS,
    load_rps: Number(rs[0].loadRps.toFixed(1)),
    events: rs[0].events,
    events_per_second: Math.round(median(rs.map((r) => r.eventsPerS))),
    simulated_seconds_per_wall_second: Math.round(median(rs.map((r) => r.simPerWall))),
    wall_seconds: Number(median(rs.map((r) => r.wall)).toFixed(3)),
    peak_heap_mb: Math.round(Math.max(...rs.map((r) => r.peakHeap)) / 1048576),
    complete: rs.every((r) => r.complete),
  };
  console.log(`${name.padEnd(34)} at ${row.load_rps.toLocaleString('en')} req/s: ${(row.events_per_second / 1e6).toFixed(2)} M events/s  ${row.simulated_seconds_per_wall_second.toLocaleString('en')} sim s / wall s  (${row.events.toLocaleString('en')} events, ${row.wall_seconds} s, heap ≤ ${row.peak_heap_mb} MB)`);
  return row;
}

const rows = [];
const mm1 = topologySchema.parse({
  apiVersion: 'devsim.io/v1',
  kind: 'Topology',
  metadata: { name: 'M/M/1 rho 0.8' },
  nodes: {
    arrivals: { kind: 'traffic-source', rate: { type: 'constant', rps: 800 } },
    server: { kind: 'container', serviceTime: { default: { type: 'exponential', meanMs: 1 } } },
  },
  links: [{ type: 'call', from: 'arrivals', to: 'server', latencyMs: 0 }],
});
rows.push(report('M/M/1 ρ=0.8 (λ 800/s)', Number(values['mm1-seconds']), mm1));
const dir = join(root, 'resources', 'templates');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.devsim.yaml')).sort()) {
  const { document, findings } = loadDocument(readFileSync(join(dir, file), 'utf8'), file);
  if (document === undefined) {
    console.log(`${file}: not loadable (${findings.map((f) => f.message).join('; ')})`);
    continue;
  }
  rows.push(report(`template ${file.replace('.devsim.yaml', '')}`, Number(values['template-seconds']), document));
}
console.log(JSON.stringify({ bench: 'kernel-models', runs: RUNS, rows }));
