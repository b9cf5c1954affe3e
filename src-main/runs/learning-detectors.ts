// Online learning in a run's worker: each ml-inference node with `onlineLearning` gets its own
// learning copy of the detector it names (learning-detector.ts), made here because loading a
// trainable tfjs model is async while the kernel is not. TensorFlow.js loads only for runs
// that ask for it. A copy that cannot be made says why on the run's timeline; the node then
// scores with the frozen detector.
import type { ModelArtefact, Topology } from '../../src-preload/contract/index.js';
import type { KernelModels, LearningDetector } from '../kernel/index.js';

/** Node ids that learn online, with the detector model each names. */
export function onlineLearningNodes(doc: Topology, artefacts: Readonly<Record<string, ModelArtefact>>): { node: string; model: string }[] {
  const out: { node: string; model: string }[] = [];
  for (const [id, node] of Object.entries(doc.nodes)) {
    if (node.kind !== 'ml-inference' || !node.onlineLearning || node.watch === undefined || node.model === undefined) continue;
    if (artefacts[node.model]?.purpose === 'anomaly-detector') out.push({ node: id, model: node.model });
  }
  return out;
}

export interface LearningModels {
  models: KernelModels;
  dispose(): void;
}

/** `models` with a `learning` factory on each detector some node learns with. */
export async function withLearningDetectors(doc: Topology, artefacts: Readonly<Record<string, ModelArtefact>>, models: KernelModels): Promise<LearningModels> {
  const nodes = onlineLearningNodes(doc, artefacts);
  if (nodes.length === 0) return { models, dispose: () => {} };
  const copies = new Map<string, LearningDetector | { unavailable: string }>();
  const disposers: (() => void)[] = [];
  try {
    const [{ useNodeMlBackend }, { learningDetectorFromArtefact }] = await Promise.all([import('../models/ml-backend.js'), import('../ml/models/learning-detector.js')]);
    await useNodeMlBackend();
    for (const { node, model } of nodes) {
      try {
        const copy = await learningDetectorFromArtefact(artefacts[model]!);
        disposers.push(() => copy.dispose());
        copies.set(node, copy);
      } catch (err) {
        copies.set(node, { unavailable: (err as Error).message });
      }
    }
  } catch (err) {
    for (const { node } of nodes) copies.set(node, { unavailable: (err as Error).message });
  }
  const out: Record<string, KernelModels[string]> = { ...models };
  for (const name of new Set(nodes.map((n) => n.model))) {
    const entry = models[name];
    if (entry?.type !== 'detector') continue;
    out[name] = { type: 'detector', detector: { ...entry.detector, learning: (by) => copies.get(by) ?? { unavailable: 'no learning copy was made for this node' } } };
  }
  return { models: out, dispose: () => disposers.forEach((d) => d()) };
}
