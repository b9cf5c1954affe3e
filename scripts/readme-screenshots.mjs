#!/usr/bin/env node
// Takes the README's screenshots of the main screens from the built app in browser mode:
// the Production template on the canvas, a finished run with its charts and run canvas, the
// ML Lab after training on that run, a run with injected faults and their chaos verdicts, and
// the Containers area. Writes PNGs to docs/screenshots/.
//
//   npm run build && node scripts/readme-screenshots.mjs
//   env: DEVSIM_CHROMIUM (default /usr/bin/chromium)
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostEntry, launchChromium, startHost, stopHost } from './web-browser.mjs';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'docs', 'screenshots');

if (!existsSync(hostEntry)) {
  console.error('readme-screenshots: no build found; run "npm run build" first.');
  process.exit(1);
}


const dataDir = mkdtempSync(join(tmpdir(), 'devsim-shots-'));
mkdirSync(outDir, { recursive: true });
const { host, url } = await startHost(dataDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  await page.goto(url);
  await page.getByTestId('app-ready').waitFor();
  // The gallery fills in after the app is ready: wait for the cards, not just the shell.
  await page.getByTestId('template-production').waitFor();
  await page.screenshot({ path: join(outDir, 'welcome.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(outDir, 'welcome-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByTestId('template-production').click();
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(outDir, 'topology.png') });

  await page.getByTestId('nav-run').click();
  await page.getByTestId('run-duration').fill('3600');
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-start').click();
  await page.locator('[data-testid="run-state"][data-state="completed"]').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(outDir, 'run.png') });
  // The screen scrolls inside the app's main area: bring the charts into view for their own picture.
  await page.getByTestId('run-chart').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(outDir, 'run-charts.png') });

  // The ML Lab: a small forecaster trained on the finished run's request rate.
  await page.getByTestId('nav-ml').click();
  await page.locator('[data-testid="ml-backend"][data-state="ready"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('ml-run').selectOption({ index: 1 });
  await page.getByTestId('ml-series').selectOption('api/throughput_rps');
  await page.getByTestId('ml-epochs').fill('6');
  await page.getByTestId('ml-train').click();
  await page.locator('[data-testid="ml-status"][data-state="trained"]').waitFor({ timeout: 120_000 });
  await page.getByTestId('ml-loss-chart').scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(outDir, 'ml-lab.png') });

  // A chaos experiment: faults injected during a paced run, then each one's verdict in the summary.
  const simulatedMs = async () => Number(await page.getByTestId('run-time').getAttribute('data-simulated-ms'));
  const untilSimulated = async (ms) => {
    while ((await simulatedMs()) < ms) await page.waitForTimeout(100);
  };
  const inject = async (type, target, fields) => {
    await page.getByTestId('fault-type').selectOption(type);
    await page.getByTestId('fault-target').selectOption(target);
    for (const [testId, value] of Object.entries(fields)) await page.getByTestId(testId).fill(value);
    await page.getByTestId('fault-inject').click();
  };
  await page.getByTestId('nav-run').click();
  await page.getByTestId('run-duration').fill('900');
  await page.getByTestId('run-speed').selectOption('100');
  await page.getByTestId('run-start').click();
  await page.locator('[data-testid="run-state"][data-state="running"]').waitFor({ timeout: 60_000 });
  await untilSimulated(120_000);
  await inject('network-delay', 'api', { 'fault-delay': '800', 'fault-duration': '60' });
  await untilSimulated(420_000);
  await inject('pod-kill', 'api', {});
  await page.getByTestId('run-speed').selectOption('max');
  await page.locator('[data-testid="run-state"][data-state="completed"]').waitFor({ timeout: 120_000 });
  await page.getByTestId('summary-experiment').last().scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(outDir, 'run-chaos.png') });

  await page.getByTestId('nav-containers').click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(outDir, 'containers.png') });
  console.log(`readme-screenshots: wrote welcome (light and dark), topology, run, run-charts, run-chaos, ml-lab and containers PNGs to ${outDir}`);
} finally {
  await browser.close();
  await stopHost(host);
  rmSync(dataDir, { recursive: true, force: true });
}
