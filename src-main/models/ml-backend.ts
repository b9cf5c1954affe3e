// TensorFlow.js under Node (the devsim command, a run's worker): the wasm backend from the installed
// package's .wasm files (tfjs-node cannot install here; wasm trained 4-6x faster than cpu).
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { useFastestBackend, type BackendChoice } from '../ml/backend.js';

/**
 * The folder holding tfjs-backend-wasm's .wasm files, with the trailing separator setWasmPaths
 * wants. In the packaged app they are unpacked beside app.asar (electron-builder.yml), so a
 * run's worker thread reads them from the real file system.
 */
export function wasmDirectory(): string {
  const require = createRequire(import.meta.url);
  return unpackedPath(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + sep);
}

/** `…/app.asar/…` → `…/app.asar.unpacked/…`; any other path as it is. */
export function unpackedPath(path: string): string {
  return path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
}

/** Starts the fastest backend (wasm, else cpu); call once before training or tfjs inference. */
export function useNodeMlBackend(): Promise<BackendChoice> {
  return useFastestBackend(wasmDirectory());
}
