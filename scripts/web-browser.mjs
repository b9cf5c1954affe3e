// Browser mode for scripts and benchmarks: start the built host on a free loopback port,
// open Debian's Chromium with the flags that work here, stop the host by its own PID.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const hostEntry = join(import.meta.dirname, '..', 'out', 'main', 'web.js');
const URL_LINE = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/;
// As playwright.config.ts: Chromium as root in a container, and nothing calling home.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts the built host with its data in `dataDir`; resolves with the process and the URL it printed. */
export function startHost(dataDir) {
  return new Promise((resolve, reject) => {
    const host = spawn(process.execPath, [hostEntry, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    host.stdout.on('data', (chunk) => {
      out += chunk;
      const url = URL_LINE.exec(out)?.[0];
      if (url) resolve({ host, url });
    });
    host.stderr.on('data', (chunk) => (err += chunk));
    host.on('exit', (code) => reject(new Error(`host exited (${code}) before printing its URL:\n${err}`)));
  });
}

export function stopHost(host) {
  if (host.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    host.once('exit', () => resolve());
    host.kill('SIGTERM');
  });
}

/** Chromium from DEVSIM_CHROMIUM, else /usr/bin/chromium. */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.DEVSIM_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page of the app at `url` (1440×900), once the app says it is ready. */
export async function openApp(browser, url, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, ...options });
  await page.goto(url);
  await page.getByTestId('app-ready').waitFor();
  return page;
}
