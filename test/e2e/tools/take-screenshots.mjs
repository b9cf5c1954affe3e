// Takes the README screenshots of the welcome screen (light and dark) from the built app in
// browser mode: node test/e2e/tools/take-screenshots.mjs   (after npx electron-vite build).
// Writes resources/screenshot.png (light) and resources/screenshot-dark.png.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'devsim-shot-'));
const host = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });

try {
  const url = await new Promise((ok, fail) => {
    createInterface({ input: host.stdout }).on('line', (line) => {
      const m = /is ready: (\S+)/.exec(line);
      if (m) ok(m[1]);
    });
    host.once('exit', (code) => fail(new Error(`host exited with ${code}`)));
  });
  const { port, hash } = new URL(url);
  const token = new URLSearchParams(hash.slice(1)).get('token');

  // A few recent documents, so the screen shows what it looks like in use.
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { origin: `http://127.0.0.1:${port}` });
  await new Promise((ok, fail) => ws.once('open', ok).once('error', fail));
  let id = 0;
  const call = (method, args) =>
    new Promise((ok) => {
      const mine = ++id;
      ws.on('message', (d) => JSON.parse(String(d)).id === mine && ok());
      ws.send(JSON.stringify({ type: 'call', id: mine, method, args }));
    });
  for (const path of ['/home/dana/labs/checkout-latency.devsim.yaml', '/home/dana/labs/kafka-backpressure.devsim.yaml', '/home/dana/labs/multi-region-failover.devsim.yaml']) {
    await call('addRecent', { path });
  }
  ws.close();

  const browser = await chromium.launch({
    executablePath: process.env.DEVSIM_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const [scheme, file] of [['light', 'screenshot.png'], ['dark', 'screenshot-dark.png']]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    await page.goto(url);
    await page.getByTestId('app-ready').waitFor();
    await page.mouse.move(0, 799);
    await page.screenshot({ path: join(ROOT, 'resources', file) });
    await page.close();
    console.log(`wrote resources/${file}`);
  }
  await browser.close();
} finally {
  host.kill('SIGTERM');
  await new Promise((ok) => host.once('exit', ok));
  rmSync(dataDir, { recursive: true, force: true });
}
