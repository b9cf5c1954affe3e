#!/usr/bin/env node
// Takes the README's screenshots of the main screens from the built app in browser mode:
// the Production template on the canvas, a finished run with its charts and run canvas,
// and the Containers area. Writes PNGs to docs/screenshots/.
//
//   npm run build && node scripts/readme-screenshots.mjs
//   env: DEVSIM_CHROMIUM (default /usr/bin/chromium)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const hostEntry = join(root, 'out', 'main', 'web.js');
const outDir = join(root, 'docs', 'screenshots');
const URL_LINE = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!existsSync(hostEntry)) {
  console.error('readme-screenshots: no build found; run "npm run build" first.');
  process.exit(1);
}

function startHost(dataDir) {
  return new Promise((resolve, reject) => {
    const host = spawn(process.execPath, [hostEntry, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    host.stdout.on('data', (chunk) => {
      out += chunk;
      const url = URL_LINE.exec(out)?.[0];
      if (url) resolve({ host, url });
    });
    host.on('exit', (code) => reject(new Error(`host exited (${code}) before printing its URL`)));
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'devsim-shots-'));
mkdirSync(outDir, { recursive: true });
const { host, url } = await startHost(dataDir);
const browser = await chromium.launch({ executablePath: process.env.DEVSIM_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  await page.goto(url);
  await page.getByTestId('app-ready').waitFor();
  await page.screenshot({ path: join(outDir, 'welcome.png') });

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

  await page.getByTestId('nav-containers').click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(outDir, 'containers.png') });
  console.log(`readme-screenshots: wrote welcome, topology, run, run-charts and containers PNGs to ${outDir}`);
} finally {
  await browser.close();
  host.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
