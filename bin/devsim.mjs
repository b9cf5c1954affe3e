#!/usr/bin/env node
// Starts the built devsim command, building it first on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'out', 'main', 'cli.js');
if (!existsSync(entry)) {
  process.stderr.write('devsim: building the app first (npm run build)...\n');
  const built = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (built.status !== 0 || !existsSync(entry)) {
    process.stderr.write('devsim: the build failed; run npm run build to see why.\n');
    process.exit(1);
  }
}
await import(pathToFileURL(entry).href);
