// TensorFlow.js under Node (the devsim command, a run's worker): the wasm backend from the installed
// package's .wasm files (tfjs-node cannot install here; wasm trained 4-6x faster than cpu).
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { useFastestBackend, type BackendChoice } from '../ml/backend.js';

/** The folder holding tfjs-backend-wasm's .wasm files, with the trailing separator setWasmPaths wants. */
export function wasmDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + sep;
}

/** Starts the fastest backend (wasm, else cpu); call once before training or tfjs inference. */
export function useNodeMlBackend(): Promise<BackendChoice> {
  return useFastestBackend(wasmDirectory());
}
