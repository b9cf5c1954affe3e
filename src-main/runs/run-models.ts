// The models a document's predictive, learned and anomaly-detection nodes name, found in the
// model store (the latest version of each name) before any worker starts. A model of the wrong
// purpose is refused with the node's field; a name not in the store is left out, and the kernel
// runs that node on its baseline (seasonal naive, the HPA, no detector) and says so on the run's
// timeline: the Experimental template names models a fresh install has not trained yet.
import { ContractError, type ModelArtefact, type StoredModel, type Topology } from '../../src-preload/contract/index.js';
import { kernelModelsFromArtefacts, runModelUses, type ModelUse } from '../ml/rl/run-models.js';

export interface ModelLookup {
  getLatest(name: string): StoredModel | undefined;
}

const USED_AS = { forecaster: 'predictive scaling takes a forecaster', 'autoscaler-policy': 'learned scaling takes an autoscaler policy', 'anomaly-detector': 'watching a series takes an anomaly detector' } as const;

/** Artefacts by name for the run (sent to its worker, which turns them into kernel models). */
export function resolveRunModels(doc: Topology, lookup: ModelLookup | undefined): Record<string, ModelArtefact> {
  const artefacts: Record<string, ModelArtefact> = {};
  for (const use of runModelUses(doc)) {
    const field = `document.${use.field}`;
    let artefact = artefacts[use.name];
    if (artefact === undefined) {
      let stored: StoredModel | undefined;
      try {
        stored = lookup?.getLatest(use.name);
      } catch (err) {
        throw new ContractError('STORAGE', `The model "${use.name}" could not be read from the store: ${(err as Error).message}`, field);
      }
      if (!stored) continue;
      const { id: _id, version: _version, createdAt: _createdAt, ...rest } = stored;
      artefact = rest;
      refuseWrongPurpose(artefact, use, field);
      try {
        kernelModelsFromArtefacts({ [use.name]: artefact }); // the conversion the worker does: fail here, with the reason
      } catch (err) {
        throw new ContractError('BAD_REQUEST', (err as Error).message, field);
      }
      artefacts[use.name] = artefact;
    }
    refuseWrongPurpose(artefact, use, field);
  }
  return artefacts;
}

function refuseWrongPurpose(artefact: ModelArtefact, use: ModelUse, field: string): void {
  if (artefact.purpose !== use.purpose) throw new ContractError('BAD_REQUEST', `model "${use.name}" is ${/^[aeiou]/.test(artefact.purpose) ? 'an' : 'a'} ${artefact.purpose}; ${USED_AS[use.purpose]}`, field);
}
