import { StoreError } from './store-error.js';

/** A stored model whose row cannot be read back; it names the model and the damaged field. */
export class ModelRowError extends StoreError {
  constructor(
    readonly modelId: string,
    readonly modelName: string,
    readonly version: number,
    /** e.g. "artefact.dataset.window", "artefact" (not JSON) or "weights". */
    readonly field: string,
    readonly detail: string,
    file: string,
  ) {
    super(
      `The stored model "${modelName}" version ${version} (${modelId}) is damaged at ${field}: ${detail}. Delete it, then save or import the model again.`,
      file,
    );
    this.name = 'ModelRowError';
  }
}
