#!/usr/bin/env node
// `npm run web -- [options]`: builds if the build is missing or older than the sources,
// then runs the browser-mode host (out/main/web.js) with the options, passing signals on
// and exiting with its code. Build output goes to stderr so stdout carries only the URL line.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outputs = ['out/main/web.js', 'out/renderer/index.html'].map((p) => join(root, p));
const inputs = [
  ...readdirSync(root).filter((name) => name.startsWith('src-')),
  'electron.vite.config.ts',
  'package.json',
].map((p) => join(root, p));

/** Newest modification time under a path (0 when missing); skips nothing but node_modules. */
function newest(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let max = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry !== 'node_modules') max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

/** Oldest output, or 0 when one is missing. */
function builtAt() {
  let min = Infinity;
  for (const file of outputs) {
    try {
      min = Math.min(min, statSync(file).mtimeMs);
    } catch {
      return 0;
    }
  }
  return min;
}

const SIGNAL_CODES = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
/** The build or the host, whichever runs now; signals go to it, and we exit as it does. */
let child;
for (const signal of Object.keys(SIGNAL_CODES)) {
  process.on(signal, () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    else process.exit(128 + SIGNAL_CODES[signal]);
  });
}

/** Runs node with args; resolves with the exit code (128 + n for a signal). */
function run(args, stdio) {
  return new Promise((resolve) => {
    child = spawn(process.execPath, args, { cwd: root, stdio });
    child.on('error', (err) => {
      process.stderr.write(`devsim web: could not start ${args[0]}: ${err.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? 128 + (SIGNAL_CODES[signal] ?? 15)));
  });
}

if (builtAt() < Math.max(...inputs.map(newest))) {
  process.stderr.write('devsim web: the build is missing or older than the sources; running electron-vite build\n');
  const cli = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const code = await run([cli, 'build'], ['ignore', process.stderr, 'inherit']);
  if (code !== 0) {
    process.stderr.write(`devsim web: the build failed (exit ${code}).\n`);
    process.exit(code);
  }
}

process.exit(await run([outputs[0], ...process.argv.slice(2)], 'inherit'));
