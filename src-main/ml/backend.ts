import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** Backends in the order the lab tries them: wasm measured 4–6x faster than cpu here (ENVIRONMENT.md). */
export const BACKEND_PREFERENCE = ['wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_PREFERENCE)[number];

export interface BackendChoice {
  backend: BackendName;
  /** Why each faster backend was passed over, e.g. "wasm: failed to fetch tfjs-backend-wasm-simd.wasm". */
  fallbacks: string[];
}

/** A URL prefix or directory (trailing slash), or each .wasm file's own URL (a bundler renames them). */
export type WasmPaths = Parameters<typeof setWasmPaths>[0];

/**
 * Selects the fastest backend that initialises. `wasmPaths` is where the .wasm files are
 * served (a URL prefix or per-file URLs in a worker, a directory with a trailing slash under Node).
 */
export async function useFastestBackend(wasmPaths: WasmPaths | undefined): Promise<BackendChoice> {
  const fallbacks: string[] = [];
  for (const backend of BACKEND_PREFERENCE) {
    try {
      if (backend === 'wasm') {
        if (wasmPaths === undefined) throw new Error('no path to the .wasm files was given');
        setWasmPaths(wasmPaths);
      }
      if (await tf.setBackend(backend)) {
        await tf.ready();
        return { backend, fallbacks };
      }
      fallbacks.push(`${backend}: did not initialise`);
    } catch (error) {
      fallbacks.push(`${backend}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`No TensorFlow.js backend could start (${fallbacks.join('; ')})`);
}
