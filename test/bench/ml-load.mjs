// Benchmarks of the ML layer: bundles a TypeScript entry with rolldown, keeping tfjs
// external so one copy (and one backend) serves the whole bundle, then starts the backend
// the devsim command uses (wasm from the installed package).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { root } from './kernel-load.mjs';

export async function loadMlBundle(entry) {
  // Inside the repository so the external tfjs resolves from node_modules.
  const dir = join(root, 'node_modules', '.cache', `devsim-ml-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'entry.mjs');
  try {
    await build({ input: join(root, entry), platform: 'node', external: [/^@tensorflow\//], output: { file, format: 'esm' }, logLevel: 'silent', write: true });
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
