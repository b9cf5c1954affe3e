#!/usr/bin/env node
// Benchmark (not a test): browser mode's cold start, from spawning the built host to an
// interactive page in Chromium. Each run: a fresh data folder, a fresh host process, a fresh
// browser. Prints each phase's median (and min-max) over the runs, then one JSON line.
//
//   npm run build && node test/bench/web-cold-start.mjs [--runs 5]
//   env: DEVSIM_CHROMIUM (as playwright.config.ts; default /usr/bin/chromium)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hostEntry, launchChromium, startHost, stopHost } from '../../scripts/web-browser.mjs';

const root = join(import.meta.dirname, '..', '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Math.max(1, Number(values.runs) || 5);
const READY = '[data-testid="app-ready"]';

if (!existsSync(hostEntry) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  console.error('web-cold-start: no build found; run "npm run build" first.');
  process.exit(1);
}



async function oneRun() {
  const dataDir = mkdtempSync(join(tmpdir(), 'devsim-bench-'));
  const t0 = performance.now();
  const { host, url } = await startHost(dataDir);
  const tUrl = performance.now();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const tBrowser = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    const tLoad = performance.now();
    await page.waitForSelector(READY, { timeout: 30_000 });
    const tReady = performance.now();
    return {
      hostUrlMs: tUrl - t0,
      browserLaunchMs: tBrowser - tUrl,
      pageLoadMs: tLoad - tBrowser,
      loadToReadyMs: tReady - tLoad,
      pageToReadyMs: tReady - tBrowser,
      totalMs: tReady - t0,
    };
  } finally {
    await browser.close();
    await stopHost(host);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const runs = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(await oneRun());
  process.stderr.write(`run ${i + 1}/${RUNS}: ${runs.at(-1).totalMs.toFixed(0)} ms\n`);
}

const summary = {};
console.log(`browser mode cold start, ${RUNS} runs (median, min-max, ms):`);
for (const key of Object.keys(runs[0])) {
  const xs = runs.map((r) => r[key]);
  summary[key] = { median: Math.round(median(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)) };
  console.log(`  ${key.padEnd(16)} ${String(summary[key].median).padStart(6)}   (${summary[key].min}-${summary[key].max})`);
}
console.log(JSON.stringify({ bench: 'web-cold-start', runs: RUNS, ...summary }));
