#!/usr/bin/env node
// Benchmark (not a test): training in the ML lab's Web Worker, in browser mode in Chromium.
// The Production template runs ~4.2 simulated hours at 5 s resolution (≈3,000 points, so the
// 70 % training part gives ≈2,000 windows); the lab then trains the default forecaster's shape
// (LSTM(16), window 32, batch 64, up to 8 epochs with early stopping) on api/throughput_rps.
// Measured: the backend, windows, fitting time (the worker's own clock) and wall time from the
// click to the figures; and what the person feels meanwhile: the page's event-loop lag (a 50 ms
// timer's lateness) p50/p95/max and the share of wall time in long tasks (> 50 ms).
//
//   npm run build && node test/bench/lab-training.mjs [-- --series api/throughput_rps --hours 4.2]
//   env: DEVSIM_CHROMIUM (default /usr/bin/chromium)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hostEntry, launchChromium, openApp, startHost, stopHost } from '../../scripts/web-browser.mjs';
import { quantile, readPageProbe, startPageProbe } from './page-probe.mjs';

const root = join(import.meta.dirname, '..', '..');
const { values } = parseArgs({ options: { series: { type: 'string', default: 'api/throughput_rps' }, hours: { type: 'string', default: '4.2' } } });
if (!existsSync(hostEntry) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  console.error('lab-training: no build found; run "npm run build" first.');
  process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'devsim-bench-lab-'));
const { host, url } = await startHost(dataDir);
const browser = await launchChromium();
try {
  const page = await openApp(browser, url);
  await page.getByTestId('template-production').click();
  await page.getByTestId('document-title').waitFor();
  await page.getByTestId('nav-run').click();
  await page.getByTestId('run-resolution').fill('5');
  await page.getByTestId('run-duration').fill(String(Math.round(Number(values.hours) * 3600)));
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-start').click();
  await page.locator('[data-testid="run-state"][data-state="completed"]').waitFor({ timeout: 600_000 });

  await page.getByTestId('nav-ml').click();
  const backend = page.getByTestId('ml-backend');
  await page.locator('[data-testid="ml-backend"][data-state="ready"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('ml-run').selectOption({ index: 1 });
  await page.getByTestId('ml-series').selectOption(values.series);
  for (const [id, v] of [['ml-window', '32'], ['ml-epochs', '8'], ['ml-patience', '2'], ['ml-units', '16']]) await page.getByTestId(id).fill(v);
  await startPageProbe(page);
  const load = loadavg()[0];
  const clicked = Date.now();
  await page.getByTestId('ml-train').click();
  await page.locator('[data-testid="ml-status"][data-state="trained"]').waitFor({ timeout: 600_000 });
  const wallMs = Date.now() - clicked;
  const probe = await readPageProbe(page);
  const figure = async (name) => Number(await page.locator(`[data-testid="ml-figure"][data-name="${name}"]`).getAttribute('data-value'));
  const windows = `windows (train / validation / test) ${(await page.getByTestId('ml-result').locator('tr').first().locator('td').textContent())?.replace(/\s+/g, ' ').trim()}`;
  const lags = probe.lags;
  console.log(`backend: ${await backend.getAttribute('data-backend')} (Chromium Web Worker); series ${values.series}; ${windows}; epochs ${await page.getByTestId('ml-status').getAttribute('data-epochs-done')}`);
  console.log(`fitting ${((await figure('trainingMs')) / 1000).toFixed(1)} s (worker clock); click to figures ${(wallMs / 1000).toFixed(1)} s (reading the run, dataset, fit, test figures, artefact)`);
  console.log(`page while training: event-loop lag p50 ${quantile(lags, 0.5).toFixed(1)} ms, p95 ${quantile(lags, 0.95).toFixed(1)} ms, max ${lags.at(-1)?.toFixed(1)} ms; long tasks ${((100 * probe.longMs) / probe.wallMs).toFixed(1)} % of ${(probe.wallMs / 1000).toFixed(1)} s`);
  console.log(`held-out: MAE ${(await figure('testMae')).toFixed(2)} (naive ${(await figure('naiveMae')).toFixed(2)}), MASE ${(await figure('testMase')).toFixed(3)}; load average at start ${load.toFixed(2)} (2 cores)`);
} finally {
  await browser.close();
  await stopHost(host);
  rmSync(dataDir, { recursive: true, force: true });
}
