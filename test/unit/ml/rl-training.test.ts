// RL training of the learned autoscaler against the kernel (cross-entropy method): on a
// small compressed day with fixed seeds, the search improves the reward over its first
// policy; the reward it reports is what kernel runs of the returned policy give; it stops
// when cancelled; and the trained policy saved as an artefact loads in TensorFlow.js and in
// the kernel with the same outputs.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { modelArtefactSchema } from '../../../src-preload/contract/ml-models.js';
import { base64ToFloat32, mlpForward, mlpPolicy, OBSERVATION_SIZE, policyFromArtefact } from '../../../src-main/kernel/index.js';
import { runEpisode } from '../../../src-main/ml/compare/episode.js';
import { withPolicy } from '../../../src-main/ml/compare/policy-document.js';
import { trainPolicyCem, TRAINED_POLICY_NAME, type IterationReport } from '../../../src-main/ml/rl/cem-trainer.js';
import { policyArtefact } from '../../../src-main/ml/rl/policy-artefact.js';
import { layersFromParameters, parameterCount } from '../../../src-main/ml/rl/policy-params.js';
import { episodeReward } from '../../../src-main/ml/rl/reward.js';
import { kernelModelsFromArtefacts, scalingModelNames } from '../../../src-main/ml/rl/run-models.js';
import { smallDayDoc } from './rl-helpers.js';

const TRAIN_SEEDS = [101, 102];

describe('the reward', () => {
  it('is minus the mean replicas, sloWeight replicas per share of violating minutes and actionWeight per action and minute', () => {
    const figures = { seed: 1, sloViolationMinutes: 3, p99LatencyMs: 0, cost: 0, replicaSeconds: 20 * 60 * 4, scalingActions: 0, errorRate: 0, measuredMinutes: 20, complete: true };
    expect(episodeReward(figures, 50)).toBeCloseTo(-(4 + (50 * 3) / 20), 12);
    expect(episodeReward({ ...figures, sloViolationMinutes: 0 }, 50)).toBeCloseTo(-4, 12);
    expect(episodeReward({ ...figures, scalingActions: 8 }, 50, 0.5)).toBeCloseTo(-(4 + (50 * 3) / 20 + (0.5 * 8) / 20), 12);
    expect(episodeReward({ ...figures, scalingActions: 8 })).toBe(episodeReward({ ...figures, scalingActions: 8 }, 50, 0.5));
  });
});

describe('cross-entropy policy search', () => {
  it('improves the reward over its iterations, and reports what kernel runs of its policy give', () => {
    const reports: IterationReport[] = [];
    const result = trainPolicyCem(smallDayDoc(), { trainSeeds: TRAIN_SEEDS, iterations: 4, population: 8, searchSeed: 3, onIteration: (r) => reports.push(r) });
    expect(result.cancelled).toBe(false);
    expect(reports.map((r) => r.iteration)).toEqual([1, 2, 3, 4]);
    expect(result.history).toEqual(reports);
    expect(result.episodes).toBe(4 * 9 * TRAIN_SEEDS.length);
    // The first mean policy (all weights 0) always scales in; the search finds far better ones.
    const first = reports[0]!.meanPolicyReward;
    expect(result.reward).toBeGreaterThan(first + 10);
    expect(reports.at(-1)!.eliteMeanReward).toBeGreaterThan(first);
    expect(reports.at(-1)!.spread).toBeLessThan(1);
    // The reward is the kernel's: rerun the returned policy on the training seeds.
    const doc = withPolicy(smallDayDoc(), 'learned', TRAINED_POLICY_NAME);
    const models = { [TRAINED_POLICY_NAME]: { type: 'policy' as const, policy: mlpPolicy(TRAINED_POLICY_NAME, result.layers) } };
    const rerun = TRAIN_SEEDS.map((seed) => episodeReward(runEpisode(doc, { seed, models })));
    expect((rerun[0]! + rerun[1]!) / 2).toBeCloseTo(result.reward, 10);
  }, 60_000);

  it('stops between episodes when cancelled, keeping the best policy so far', () => {
    let polled = 0;
    const result = trainPolicyCem(smallDayDoc(), { trainSeeds: TRAIN_SEEDS, iterations: 5, population: 6, isCancelled: () => ++polled > 5 });
    expect(result.cancelled).toBe(true);
    expect(result.episodes).toBe(5);
    expect(result.history).toHaveLength(0);
    expect(Number.isFinite(result.reward)).toBe(true);
  });

  it('refuses to train without training seeds', () => {
    expect(() => trainPolicyCem(smallDayDoc(), { trainSeeds: [] })).toThrow('training needs at least one training seed');
  });
});

describe('the trained policy as a model artefact', () => {
  const theta = Float64Array.from({ length: parameterCount(5) }, (_, i) => Math.sin(i * 1.7) * 0.8);
  const layers = layersFromParameters(theta, 5);
  const artefact = policyArtefact(layers, {
    name: 'small-day-policy',
    origin: 'small day',
    nodes: ['api'],
    syncPeriodMs: 15_000,
    trainSeeds: TRAIN_SEEDS,
    measuredMs: 1_200_000,
    parameters: { hiddenUnits: 5 },
    evaluation: { trainReward: -7.5 },
  });
  const observations = Array.from({ length: 20 }, (_, k) => Float64Array.from({ length: OBSERVATION_SIZE }, (_, i) => Math.cos(k * 3 + i)));

  it('is a valid contract artefact whose weights the kernel loads and acts on as trained', () => {
    expect(() => modelArtefactSchema.parse(artefact)).not.toThrow();
    expect(artefact.tfjs!.weightSpecs.map((s) => [s.name, s.shape])).toEqual([
      ['dense_1/kernel', [OBSERVATION_SIZE, 5]],
      ['dense_1/bias', [5]],
      ['dense_2/kernel', [5, 4]],
      ['dense_2/bias', [4]],
    ]);
    expect(base64ToFloat32(artefact.tfjs!.weightsBase64)).toHaveLength(theta.length);
    const loaded = policyFromArtefact(artefact);
    const trained = mlpPolicy('trained', layers);
    for (const obs of observations) expect(loaded.act(obs)).toBe(trained.act(obs));
  });

  it('loads in TensorFlow.js as a Sequential model with the same scores', async () => {
    await tf.setBackend('cpu');
    const weightData = Uint8Array.from(atob(artefact.tfjs!.weightsBase64), (c) => c.charCodeAt(0)).buffer;
    const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: artefact.tfjs!.modelTopology, weightSpecs: artefact.tfjs!.weightSpecs, weightData }));
    const input = tf.tensor2d(observations.map((o) => [...o]));
    const scores = (await (model.predict(input) as tf.Tensor).array()) as number[][];
    const f32 = layers.map((l) => ({ ...l, kernel: Float32Array.from(l.kernel), bias: Float32Array.from(l.bias) }));
    observations.forEach((obs, k) => {
      const expected = mlpForward(f32, obs);
      scores[k]!.forEach((s, j) => expect(s).toBeCloseTo(expected[j]!, 4));
    });
    input.dispose();
    model.dispose();
  });
});

describe('models for a run', () => {
  it('lists the model names a document scaling asks for and turns artefacts into kernel models', () => {
    const doc = withPolicy(smallDayDoc(), 'learned', 'my-policy');
    expect(scalingModelNames(doc)).toEqual(['my-policy']);
    expect(scalingModelNames(smallDayDoc())).toEqual([]);
    const layers = layersFromParameters(new Float64Array(parameterCount(3)), 3);
    const artefact = policyArtefact(layers, { name: 'my-policy', origin: 'x', nodes: ['api'], syncPeriodMs: 15_000, trainSeeds: [1], measuredMs: 1, parameters: {}, evaluation: {} });
    const models = kernelModelsFromArtefacts({ 'my-policy': artefact });
    expect(models['my-policy']!.type).toBe('policy');
    // An anomaly detector becomes one only from an LSTM predictor (the run's resolver refuses wrong purposes by field).
    expect(() => kernelModelsFromArtefacts({ d: { ...artefact, purpose: 'anomaly-detector' } })).toThrow(/has no plain-JS anomaly scorer|threshold is missing/);
  });
});
