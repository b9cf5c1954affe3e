// The models a run's scaling names, ready for the kernel (RunOptions.models): the host finds
// each name's artefact (the model store, a file) and this turns them into plain functions,
// forecasters through the kernel's forward passes and policies through its MLP, so the run
// itself needs no TensorFlow.js.
import type { ModelArtefact } from '../../../src-preload/contract/ml-models.js';
import type { Topology } from '../../../src-preload/contract/index.js';
import { policyFromArtefact, type KernelModels } from '../../kernel/index.js';
import { stepForecasterFromArtefact } from '../artefact/kernel-models.js';

/** Model names the document's predictive and learned nodes ask for, each once. */
export function scalingModelNames(doc: Topology): string[] {
  const names = new Set<string>();
  for (const node of Object.values(doc.nodes)) {
    if (!('scaling' in node) || node.scaling === undefined) continue;
    const s = node.scaling;
    if ((s.policy === 'predictive' || s.policy === 'learned') && s.model !== undefined) names.add(s.model);
  }
  return [...names];
}

/** Artefacts by the name the document uses → the kernel's models; throws naming a model of the wrong purpose. */
export function kernelModelsFromArtefacts(artefacts: Readonly<Record<string, ModelArtefact>>): KernelModels {
  const models: Record<string, KernelModels[string]> = {};
  for (const [name, artefact] of Object.entries(artefacts)) {
    if (artefact.purpose === 'forecaster') models[name] = { type: 'forecaster', forecaster: stepForecasterFromArtefact(artefact) };
    else if (artefact.purpose === 'autoscaler-policy') models[name] = { type: 'policy', policy: policyFromArtefact(artefact) };
    else throw new Error(`model "${name}" is an ${artefact.purpose}; scaling takes a forecaster (predictive) or an autoscaler policy (learned)`);
  }
  return models;
}
