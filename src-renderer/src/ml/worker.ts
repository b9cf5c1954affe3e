// The ML lab's Web Worker: TensorFlow.js off the page's thread, so training never stutters the UI.
// It picks the fastest backend once, then answers the requests of protocol.ts, one training at a time.
import '../api/zod-jitless.js';
// Renamed: not a React hook, whatever its name says to the hooks lint.
import { useFastestBackend as chooseFastestBackend, type BackendChoice } from '../../../src-main/ml/backend.js';
import { disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import type { TrainedModel } from '../../../src-main/ml/models/train-forecaster.js';
import { predictWith, trainLabModel } from './lab-training.js';
import { parseRequest, requestId, type WorkerReply, type WorkerRequest } from './protocol.js';
import { diagnoseWasm, withDiagnosis } from './wasm-diagnosis.js';
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

const going = new Map<string, AbortController>();
let lastModel: TrainedModel | null = null;

async function train(request: Extract<WorkerRequest, { type: 'train' }>): Promise<void> {
  if (going.size > 0) {
    post({ type: 'failed', id: request.id, message: 'A training is already going: wait for it or cancel it first' });
    return;
  }
  const control = new AbortController();
  going.set(request.id, control);
  try {
    await backend;
    const outcome = await trainLabModel(request.series, request.spec, {
      signal: control.signal,
      onEpoch: (figures) => post({ type: 'progress', id: request.id, epochs: request.spec.epochs, figures }),
    });
    if (outcome.kind === 'cancelled') {
      post({ type: 'cancelled', id: request.id, epochsDone: outcome.epochsDone });
      return;
    }
    if (lastModel) disposeModel(lastModel.model);
    lastModel = outcome.trained;
    post({ type: 'trained', id: request.id, result: outcome.result, artefact: outcome.trained.artefact });
  } catch (err) {
    post({ type: 'failed', id: request.id, message: messageOf(err) });
  } finally {
    going.delete(request.id);
  }
}

async function predict(request: Extract<WorkerRequest, { type: 'predict' }>): Promise<void> {
  try {
    if (!lastModel) throw new Error('No model has been trained yet');
    post({ type: 'predicted', id: request.id, values: await predictWith(lastModel, request.windows) });
  } catch (err) {
    post({ type: 'failed', id: request.id, message: messageOf(err) });
  }
}

scope.addEventListener('message', (event) => {
  const parsed = parseRequest(event.data);
  if (!parsed.ok) {
    post({ type: 'failed', id: requestId(event.data), message: parsed.message });
    return;
  }
  const request = parsed.value;
  if (request.type === 'train') void train(request);
  else if (request.type === 'cancel') going.get(request.id)?.abort();
  else void predict(request);
});
