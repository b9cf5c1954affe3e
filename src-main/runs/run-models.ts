// The models a document's predictive and learned nodes name, found in the model store (the
// latest version of each name) before any worker starts. A model of the wrong purpose is
// refused with the node's field; a name not in the store is left out, and the kernel runs that
// node on its baseline (seasonal naive, or the HPA) and says so on the run's timeline: the
// Experimental template names models a fresh install has not trained yet.
import { ContractError, type ModelArtefact, type StoredModel, type Topology } from '../../src-preload/contract/index.js';
import { kernelModelsFromArtefacts, scalingModelNames } from '../ml/rl/run-models.js';

export interface ModelLookup {
  getLatest(name: string): StoredModel | undefined;
}

/** Artefacts by name for the run (sent to its worker, which turns them into kernel models). */
export function resolveRunModels(doc: Topology, lookup: ModelLookup | undefined): Record<string, ModelArtefact> {
  const artefacts: Record<string, ModelArtefact> = {};
  for (const name of scalingModelNames(doc)) {
    const field = `document.${fieldOf(doc, name)}`;
    let stored: StoredModel | undefined;
    try {
      stored = lookup?.getLatest(name);
    } catch (err) {
      throw new ContractError('STORAGE', `The model "${name}" could not be read from the store: ${(err as Error).message}`, field);
    }
    if (!stored) continue;
    const { id: _id, version: _version, createdAt: _createdAt, ...artefact } = stored;
    artefacts[name] = artefact;
  }
  for (const [name, artefact] of Object.entries(artefacts)) {
    try {
      kernelModelsFromArtefacts({ [name]: artefact }); // the conversion the worker does: fail here, with the reason
    } catch (err) {
      throw new ContractError('BAD_REQUEST', (err as Error).message, `document.${fieldOf(doc, name)}`);
    }
  }
  return artefacts;
}

/** Where the document names a model: the first node whose scaling.model it is. */
function fieldOf(doc: Topology, name: string): string {
  for (const [id, node] of Object.entries(doc.nodes)) {
    if ('scaling' in node && node.scaling !== undefined && 'model' in node.scaling && node.scaling.model === name) return `nodes.${id}.scaling.model`;
  }
  return 'nodes';
}
