// What the ML worker does with each message, apart from the worker's own wiring (worker.ts),
// so it runs under Node in tests: validate, then train (one at a time), cancel, predict, score.
import { disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import type { TrainedModel } from '../../../src-main/ml/models/train-forecaster.js';
import { predictWith, scoreWith, trainLabModel } from './lab-training.js';
import { parseRequest, requestId, type WorkerReply, type WorkerRequest } from './protocol.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** `backend` settles once TensorFlow.js has a backend (or rejects saying why none started). */
export function createWorkerJobs(post: (reply: WorkerReply) => void, backend: Promise<unknown>): (data: unknown) => Promise<void> {
  const going = new Map<string, AbortController>();
  let lastModel: TrainedModel | null = null;

  const train = async (request: Extract<WorkerRequest, { type: 'train' }>): Promise<void> => {
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
    } finally {
      going.delete(request.id);
    }
  };

  const lastTrained = (): TrainedModel => {
    if (!lastModel) throw new Error('No model has been trained yet');
    return lastModel;
  };

  return async (data) => {
    const parsed = parseRequest(data);
    if (!parsed.ok) {
      post({ type: 'failed', id: requestId(data), message: parsed.message });
      return;
    }
    const request = parsed.value;
    try {
      if (request.type === 'train') await train(request);
      else if (request.type === 'cancel') going.get(request.id)?.abort();
      else if (request.type === 'predict') post({ type: 'predicted', id: request.id, values: await predictWith(lastTrained(), request.windows) });
      else post({ type: 'scored', id: request.id, scores: await scoreWith(lastTrained(), request.windows, request.actual) });
    } catch (err) {
      post({ type: 'failed', id: request.id, message: messageOf(err) });
    }
  };
}
