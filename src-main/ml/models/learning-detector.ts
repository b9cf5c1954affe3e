// A stored anomaly detector that keeps learning during a run (an ml-inference node with
// `onlineLearning`): it scores with its own copy of the kernel network, exactly as the frozen
// detector does, and an OnlineLearner takes a synchronous gradient step on the latest
// (window, next point) pairs every few points, copying the new weights into that network.
// Only values already scored are learned from, so a score never sees its own point early.
import type { ModelArtefact } from '../../../src-preload/contract/ml-models.js';
import type { LearningDetector } from '../../kernel/index.js';
import { makeAnomalyScorer, normalisedWindow } from '../../kernel/ml/index.js';
import { anomalyScorerSpec } from '../artefact/kernel-models.js';
import { ArtefactError } from '../artefact/parse-artefact.js';
import { loadTrainableModel } from './load-trainable.js';
import { DEFAULT_ONLINE_LEARNING, OnlineLearner, type OnlineLearningOptions } from './online-learner.js';

export interface DisposableLearningDetector extends LearningDetector {
  /** Frees the tfjs model it trains. */
  dispose(): void;
}

/** Needs a TensorFlow.js backend started (src-main/models/ml-backend.ts under Node). */
export async function learningDetectorFromArtefact(artefact: ModelArtefact, options: OnlineLearningOptions = DEFAULT_ONLINE_LEARNING): Promise<DisposableLearningDetector> {
  const { threshold, window, normalisation } = artefact;
  if (threshold === undefined) throw new ArtefactError(`model "${artefact.name}"`, 'threshold', 'is missing: a detector needs the score from which a point is an anomaly');
  const spec = anomalyScorerSpec(artefact);
  const model = await loadTrainableModel(artefact);
  const learner = new OnlineLearner(model, spec.network, window, 1, options);
  let stopped = false;
  return {
    name: artefact.name,
    window,
    threshold,
    score: makeAnomalyScorer(spec),
    learn: (history) => {
      if (stopped) return undefined;
      try {
        return learner.observe(normalisedWindow(history, window, normalisation));
      } catch (err) {
        // tfjs failed for good (the wasm heap is full, the model was freed): learning stops, the
        // run goes on, scoring with the weights the network already has.
        stopped = true;
        return { steps: learner.steps, undone: learner.undone, loss: NaN, windows: 0, stopped: err instanceof Error ? err.message : String(err) };
      }
    },
    dispose: () => learner.dispose(),
  };
}
