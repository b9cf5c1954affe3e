// The models a run's scaling and anomaly detectors name, ready for the kernel (RunOptions.models):
// the host finds each name's artefact (the model store, a file) and this turns them into plain
// functions, forecasters through the kernel's forward passes, policies through its MLP and
// detectors through its anomaly scorer, so the run itself needs no TensorFlow.js.
import type { ModelArtefact, ModelPurpose } from '../../../src-preload/contract/ml-models.js';
import type { Topology } from '../../../src-preload/contract/index.js';
import { policyFromArtefact, type KernelModels } from '../../kernel/index.js';
import { runDetectorFromArtefact, stepForecasterFromArtefact } from '../artefact/kernel-models.js';

/** Where a document names a model, and what the model must be there. */
export interface ModelUse {
  name: string;
  /** The field, from the document's root (e.g. "nodes.api.scaling.model"). */
  field: string;
  purpose: ModelPurpose;
}

/** Every model the run uses: predictive and learned scaling, and anomaly-detection nodes that watch a series. */
export function runModelUses(doc: Topology): ModelUse[] {
  const uses: ModelUse[] = [];
  for (const [id, node] of Object.entries(doc.nodes)) {
    if ('scaling' in node && node.scaling !== undefined) {
      const s = node.scaling;
      if ((s.policy === 'predictive' || s.policy === 'learned') && s.model !== undefined) {
        uses.push({ name: s.model, field: `nodes.${id}.scaling.model`, purpose: s.policy === 'predictive' ? 'forecaster' : 'autoscaler-policy' });
      }
    }
    if (node.kind === 'ml-inference' && node.purpose === 'anomaly-detection' && node.watch !== undefined && node.model !== undefined) {
      uses.push({ name: node.model, field: `nodes.${id}.model`, purpose: 'anomaly-detector' });
    }
  }
  return uses;
}

/** Model names the document's predictive and learned nodes ask for, each once. */
export function scalingModelNames(doc: Topology): string[] {
  return [...new Set(runModelUses(doc).filter((u) => u.purpose !== 'anomaly-detector').map((u) => u.name))];
}

/** Artefacts by the name the document uses → the kernel's models; throws naming a model it cannot turn into one. */
export function kernelModelsFromArtefacts(artefacts: Readonly<Record<string, ModelArtefact>>): KernelModels {
  const models: Record<string, KernelModels[string]> = {};
  for (const [name, artefact] of Object.entries(artefacts)) {
    if (artefact.purpose === 'forecaster') models[name] = { type: 'forecaster', forecaster: stepForecasterFromArtefact(artefact) };
    else if (artefact.purpose === 'autoscaler-policy') models[name] = { type: 'policy', policy: policyFromArtefact(artefact) };
    else models[name] = { type: 'detector', detector: runDetectorFromArtefact(artefact) };
  }
  return models;
}
