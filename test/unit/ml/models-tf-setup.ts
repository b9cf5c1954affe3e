// tfjs under vitest: the wasm backend as the devsim command starts it (src-main/models/ml-backend.ts).
import { useNodeMlBackend } from '../../../src-main/models/ml-backend.js';
import type { BackendChoice } from '../../../src-main/ml/backend.js';

export async function useWasmBackend(): Promise<BackendChoice> {
  const choice = await useNodeMlBackend();
  if (choice.backend !== 'wasm') throw new Error(`the wasm backend did not start here: ${choice.fallbacks.join('; ')}`);
  return choice;
}
