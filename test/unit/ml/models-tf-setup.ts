// tfjs under vitest: the wasm backend from the installed package's .wasm files (the
// backend the CLI uses under Node), one backend per test file.
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { useFastestBackend, type BackendChoice } from '../../../src-main/ml/backend.js';

const require = createRequire(import.meta.url);
export const WASM_DIR = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';

export async function useWasmBackend(): Promise<BackendChoice> {
  const choice = await useFastestBackend(WASM_DIR);
  if (choice.backend !== 'wasm') throw new Error(`the wasm backend did not start here: ${choice.fallbacks.join('; ')}`);
  return choice;
}
