#!/usr/bin/env node
// Benchmark (not a test), the issue's headline: the production template at an average of
// 200 requests/s for 24 simulated hours. Its traffic sources' rate profiles are scaled by one
// factor (every *Rps field) so the mean over the scenario's 24 h, as the kernel's load
// analysis computes it, is 200 req/s: users' diurnal 150–600 req/s becomes 80–320 req/s.
// Each run is its own Node process (kernel-run-once.mjs: a clean heap and a true peak RSS);
// prints each run, then the median as one JSON line. Target: under 60 s and a few hundred MB.
//
//   node test/bench/kernel-production-day.mjs [--runs 3] [--hours 24] [--mean-rps 200]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleFile, median, root } from './kernel-load.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, hours: { type: 'string', default: '24' }, 'mean-rps': { type: 'string', default: '200' } }, strict: false });
const RUNS = Math.max(1, Number(values.runs) || 3);
const HOURS = Number(values.hours) || 24;
const MEAN_RPS = Number(values['mean-rps']) || 200;

/** Every rate of a profile times `factor` (to a millionth of a request per second). */
function scaleProfile(rate, factor) {
  const scale = (x) => Math.round(x * factor * 1e6) / 1e6;
  const out = { ...rate };
  for (const key of Object.keys(out)) if (/rps$/i.test(key) && typeof out[key] === 'number') out[key] = scale(out[key]);
  if (Array.isArray(out.points)) out.points = out.points.map((p) => ({ ...p, rps: scale(p.rps) }));
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'devsim-bench-'));
try {
  const kernelFile = await bundleFile(join('src-main', 'kernel', 'index.ts'), dir);
  const k = await import(pathToFileURL(kernelFile).href);
  const { loadDocument } = await import(pathToFileURL(await bundleFile(join('src-main', 'documents', 'load-document.ts'), dir)).href);
  const { document, findings } = loadDocument(readFileSync(join(root, 'resources', 'templates', 'production.devsim.yaml'), 'utf8'), 'production');
  if (document === undefined) throw new Error(`production: ${findings.map((f) => f.message).join('; ')}`);
  const sourceMean = (doc) => {
    const ids = new Set(Object.keys(doc.nodes).filter((id) => doc.nodes[id].kind === 'traffic-source'));
    return k
      .analyzeLoad(k.buildPlan(doc), doc)
      .nodes.filter((n) => ids.has(n.id))
      .reduce((a, n) => a + n.meanRps, 0);
  };
  const factor = MEAN_RPS / sourceMean(document);
  const nodes = { ...document.nodes };
  const profiles = [];
  for (const [id, node] of Object.entries(nodes)) {
    if (node.kind !== 'traffic-source') continue;
    nodes[id] = { ...node, rate: scaleProfile(node.rate, factor) };
    profiles.push(`${id}: ${JSON.stringify(node.rate)} → ${JSON.stringify(nodes[id].rate)}`);
  }
  const doc = { ...document, nodes };
  const docFile = join(dir, 'production.json');
  writeFileSync(docFile, JSON.stringify(doc));
  console.log(`production template, rate profiles × ${factor.toFixed(4)} for a mean of ${sourceMean(doc).toFixed(1)} req/s over the scenario's ${doc.scenario.durationS / 3600} h; run for ${HOURS} simulated h`);
  for (const p of profiles) console.log(`  ${p}`);

  const rows = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, 'kernel-run-once.mjs'), kernelFile, docFile, String(HOURS * 3600)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`run ${i + 1} failed: ${r.stderr}`);
    const row = JSON.parse(r.stdout.trim().split('\n').pop());
    rows.push(row);
    console.log(
      `run ${i + 1}: ${row.wall_seconds.toFixed(1)} s wall, ${(row.events_per_second / 1e6).toFixed(2)} M events/s, ${Math.round(row.simulated_seconds_per_wall_second).toLocaleString('en')} sim s / wall s, ` +
        `${row.events.toLocaleString('en')} events, ${row.requests.toLocaleString('en')} requests (error rate ${(row.error_rate * 100).toFixed(3)} %), ` +
        `heap ≤ ${Math.round(row.peak_heap_mb)} MB, RSS ≤ ${Math.round(row.peak_rss_mb)} MB, ${row.state}${row.stop_reason ? ` (${row.stop_reason})` : ''}`,
    );
  }
  const med = (f) => median(rows.map(f));
  console.log(
    JSON.stringify({
      bench: 'kernel-production-day',
      runs: RUNS,
      simulated_hours: HOURS,
      mean_rps: MEAN_RPS,
      rate_factor: Number(factor.toFixed(6)),
      wall_seconds: Number(med((r) => r.wall_seconds).toFixed(2)),
      events: rows[0].events,
      events_per_second: Math.round(med((r) => r.events_per_second)),
      simulated_seconds_per_wall_second: Math.round(med((r) => r.simulated_seconds_per_wall_second)),
      peak_heap_mb: Math.round(Math.max(...rows.map((r) => r.peak_heap_mb))),
      peak_rss_mb: Math.round(Math.max(...rows.map((r) => r.peak_rss_mb))),
      complete: rows.every((r) => r.state === 'done'),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
