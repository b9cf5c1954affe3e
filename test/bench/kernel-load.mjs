// Benchmarks of TypeScript code without a build step: bundles src-main/kernel/index.ts with
// rolldown (already installed with vite) into a temporary ES module and imports it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';

export const root = join(import.meta.dirname, '..', '..');

/** The kernel's exports, bundled and minified the way the app ships it. */
export const loadKernel = () => loadBundled(join('src-main', 'kernel', 'index.ts'));

/** Any TypeScript module of the repository (with its packages), bundled. */
export async function loadBundled(entry) {
  const dir = mkdtempSync(join(tmpdir(), 'devsim-bench-'));
  try {
    return await import(pathToFileURL(await bundleFile(entry, dir)).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bundles a TypeScript module into an ES module file in `dir` (for child processes to import without bundling). */
export async function bundleFile(entry, dir) {
  const file = join(dir, `${entry.replace(/[^A-Za-z0-9]+/g, '-')}.mjs`);
  await build({
    input: join(root, entry),
    platform: 'node',
    output: { file, format: 'esm', minify: true },
    logLevel: 'silent',
    write: true,
  });
  return file;
}

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
