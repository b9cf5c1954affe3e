// The ML lab's Web Worker: TensorFlow.js off the page's thread, so training never stutters the UI.
// It picks the fastest backend once, then answers the requests of protocol.ts (worker-jobs.ts).
import '../api/zod-jitless.js';
// Renamed: not a React hook, whatever its name says to the hooks lint.
import { useFastestBackend as chooseFastestBackend, type BackendChoice } from '../../../src-main/ml/backend.js';
import type { WorkerReply } from './protocol.js';
import { diagnoseWasm, withDiagnosis } from './wasm-diagnosis.js';
import { createWorkerJobs } from './worker-jobs.js';
import { WASM_FILES } from './wasm-files.js';

interface WorkerScope {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: WorkerReply): void => scope.postMessage(message);
const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The wasm binaries this browser would load (tfjs picks SIMD where supported; both are checked). */
const wasmUrls = [WASM_FILES['tfjs-backend-wasm-simd.wasm'], WASM_FILES['tfjs-backend-wasm.wasm']];

const backend: Promise<BackendChoice> = chooseFastestBackend(WASM_FILES).then(
  async (choice) => {
    const passedOver = choice.fallbacks.some((f) => f.startsWith('wasm:'));
    const fallbacks = passedOver ? withDiagnosis(choice.fallbacks, await diagnoseWasm(wasmUrls)) : choice.fallbacks;
    post({ type: 'backend', backend: choice.backend, fallbacks });
    return choice;
  },
  async (err: unknown) => {
    const diagnosis = await diagnoseWasm(wasmUrls);
    post({ type: 'backend-failed', message: diagnosis === null ? messageOf(err) : `${messageOf(err)}; ${diagnosis}` });
    throw err;
  },
);
backend.catch(() => {}); // reported above; each job that needs it says so again

const handle = createWorkerJobs(post, backend);
scope.addEventListener('message', (event) => void handle(event.data));
