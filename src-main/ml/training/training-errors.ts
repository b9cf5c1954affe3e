/** Why training stopped without a model; `reason` lets a UI pick its message and a test assert it. */
export type TrainingFailure = 'cancelled' | 'too-few-windows' | 'non-finite-loss' | 'non-finite-data' | 'backend';

export class TrainingError extends Error {
  override readonly name = 'TrainingError';
  constructor(
    readonly reason: TrainingFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Wraps what tfjs threw (wasm out of memory, an op missing on a backend, a model not ready) so the message names tfjs and its backend. */
export function backendFailure(backend: string, error: unknown): TrainingError {
  if (error instanceof TrainingError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new TrainingError('backend', `TensorFlow.js (backend "${backend}") failed while training: ${detail}`, { cause: error });
}
