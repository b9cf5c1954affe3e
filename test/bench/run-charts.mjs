#!/usr/bin/env node
// Benchmark (not a test): do the live run charts stay smooth with dozens of series?
// In browser mode in Chromium: the Production template runs 24 simulated hours at 10 s
// resolution at full speed, every node picked on the charts (ten panels' lines per node), and
// while it goes we measure what the person feels:
//   - redraws: how many, their cost (the chart's own data-draw-ms: option build + paint) p50/p95/max;
//   - responsiveness: the page's event-loop lag (a 50 ms timer's lateness: a click waits that
//     long) p50/p95/max, and the share of wall time in long tasks (> 50 ms, PerformanceObserver);
//   - the lines and points per panel drawn at the end.
//
//   npm run build && npm run bench:charts [-- --template production --hours 24 --resolution 10]
//   env: DEVSIM_CHROMIUM (default /usr/bin/chromium)
/* global window, MutationObserver */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hostEntry, launchChromium, openApp, startHost, stopHost } from '../../scripts/web-browser.mjs';
import { quantile, readPageProbe, resetPageProbe, startPageProbe } from './page-probe.mjs';

const root = join(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    template: { type: 'string', default: 'production' },
    hours: { type: 'string', default: '24' },
    resolution: { type: 'string', default: '10' },
  },
});
const HOURS = Math.max(1, Number(values.hours) || 24);

if (!existsSync(hostEntry) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  console.error('run-charts: no build found; run "npm run build" first.');
  process.exit(1);
}

const fmt = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');

const dataDir = mkdtempSync(join(tmpdir(), 'devsim-bench-charts-'));
const { host, url } = await startHost(dataDir);
const browser = await launchChromium();
try {
  const page = await openApp(browser, url);
  await page.getByTestId(`template-${values.template}`).click();
  await page.getByTestId('document-title').waitFor();
  await page.getByTestId('nav-run').click();
  await page.getByTestId('run-resolution').fill(values.resolution);
  await page.getByTestId('run-duration').fill(String(HOURS * 3600));
  await page.getByTestId('run-speed').selectOption('max');
  const load = loadavg()[0];

  // Probes in the page: event-loop lag, long tasks, every redraw's cost.
  await startPageProbe(page);
  await page.getByTestId('run-start').click();
  const chart = page.getByTestId('run-chart');
  await chart.waitFor();
  // Every node on the charts, as soon as the picker lists them.
  await page.locator('[data-testid="run-node-pick"]').first().waitFor();
  for (const pick of await page.locator('[data-testid="run-node-picker"] [aria-pressed="false"]').all()) await pick.click();
  await resetPageProbe(page);
  await chart.evaluate((el) => {
    window.benchDraws = [];
    new MutationObserver(() => window.benchDraws.push(Number(el.getAttribute('data-draw-ms')))).observe(el, { attributes: true, attributeFilter: ['data-draw-ms'] });
  });
  await page.locator('[data-testid="run-state"][data-state="completed"]').waitFor({ timeout: 600_000 });
  const live = { ...(await readPageProbe(page)), draws: await page.evaluate(() => window.benchDraws.slice()) };
  const lines = await chart.evaluate((el) => JSON.parse(el.getAttribute('data-lines') ?? '[]').length);
  const points = Number(await chart.getAttribute('data-points'));
  const width = Math.round((await chart.boundingBox()).width);
  const draws = live.draws.sort((a, b) => a - b);
  const lags = live.lags;
  console.log(`run-charts: ${values.template}, ${HOURS} h at ${values.resolution} s, max speed; load average ${load.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end`);
  console.log(`  lines on the charts: ${lines}; points per panel at the end: ${points} at ${width} px`);
  console.log(`  live for ${(live.wallMs / 1000).toFixed(1)} s: ${draws.length} redraws (${((draws.length * 1000) / live.wallMs).toFixed(1)}/s)`);
  console.log(`  redraw ms p50 ${fmt(quantile(draws, 0.5))}, p95 ${fmt(quantile(draws, 0.95))}, max ${fmt(draws.at(-1))}`);
  console.log(`  event-loop lag ms p50 ${fmt(quantile(lags, 0.5))}, p95 ${fmt(quantile(lags, 0.95))}, max ${fmt(lags.at(-1))}; long tasks ${((100 * live.longMs) / live.wallMs).toFixed(0)} % of wall time`);
} finally {
  await browser.close();
  await stopHost(host);
  rmSync(dataDir, { recursive: true, force: true });
}
