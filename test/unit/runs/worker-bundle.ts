// Builds src-main/runs/run-worker.ts into one file for tests, as electron-vite builds it for
// the app (rolldown, ESM, Node platform), so the tests run the worker's real code. The file
// lands under the project's node_modules/.cache, as the app's lands in out/main: a run that
// learns online finds tfjs-backend-wasm's .wasm files from there, as the app does.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';

const entry = resolve(import.meta.dirname, '../../../src-main/runs/run-worker.ts');

export async function buildRunWorker(): Promise<string> {
  const cache = resolve(import.meta.dirname, '../../../node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'devsim-worker-'));
  await build({
    input: entry,
    platform: 'node',
    logLevel: 'warn',
    // TensorFlow.js stays a package import, as electron-vite leaves dependencies: bundled, the
    // wasm backend cannot find its files (it looks beside itself) and the cpu one takes over.
    external: [/^@tensorflow\//],
    output: { dir, format: 'esm', entryFileNames: 'run-worker.mjs', codeSplitting: false },
  });
  return join(dir, 'run-worker.mjs');
}
