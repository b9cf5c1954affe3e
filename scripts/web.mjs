#!/usr/bin/env node
// `npm run web -- [options]`: builds if the build is missing or older than the sources,
// then runs the browser-mode host (out/main/web.js) with the options, passing signals on
// and exiting with its code. Build output goes to stderr so stdout carries only the URL line.
import { spawn, spawnSync } from 'node:child_process';
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

if (builtAt() < Math.max(...inputs.map(newest))) {
  process.stderr.write('devsim web: building (electron-vite build)…\n');
  const pkg = createRequire(import.meta.url).resolve('electron-vite/package.json');
  const cli = join(dirname(pkg), 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
  if (build.status !== 0) {
    process.stderr.write(`devsim web: the build failed (${build.error?.message ?? `exit ${build.status ?? build.signal}`}).\n`);
    process.exit(1);
  }
}

const host = spawn(process.execPath, [outputs[0], ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of SIGNALS) {
  process.on(signal, () => {
    if (host.exitCode === null && host.signalCode === null) host.kill(signal);
  });
}
host.on('error', (err) => {
  process.stderr.write(`devsim web: could not start the host: ${err.message}\n`);
  process.exit(1);
});
host.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
});
