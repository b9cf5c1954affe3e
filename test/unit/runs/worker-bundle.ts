// Builds src-main/runs/run-worker.ts into one file for tests, as electron-vite builds it for
// the app (rolldown, ESM, Node platform), so the tests run the worker's real code.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';

const entry = resolve(import.meta.dirname, '../../../src-main/runs/run-worker.ts');

export async function buildRunWorker(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'devsim-worker-'));
  await build({
    input: entry,
    platform: 'node',
    logLevel: 'warn',
    output: { dir, format: 'esm', entryFileNames: 'run-worker.mjs', codeSplitting: false },
  });
  return join(dir, 'run-worker.mjs');
}
