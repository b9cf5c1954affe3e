// The learned policy: the network's forward pass, the action it picks in a run (taken and
// clamped to min/max, each 'scaled' event checked against the observation the policy saw),
// a policy saved as a model artefact (tfjs weights) loaded back, and bad artefacts refused.
import { describe, expect, it } from 'vitest';
import { policyFromArtefact } from '../../../src-main/kernel/core/learned-artefact.js';
import { float32ToBase64, mlpForward, mlpPolicy, OBSERVATION_FEATURES, OBSERVATION_SIZE, POLICY_ACTIONS, type DenseLayer } from '../../../src-main/kernel/index.js';
import type { ModelArtefact } from '../../../src-preload/contract/ml-models.js';
import { DAY_S, dailyDoc, reactiveFields, runEvents } from './predictive-helpers.js';

/** One dense layer from the observation straight to the action scores. */
function linear(scores: (feature: number) => number[], bias: number[]): DenseLayer {
  const kernel = new Float64Array(OBSERVATION_SIZE * POLICY_ACTIONS.length);
  for (let i = 0; i < OBSERVATION_SIZE; i++) scores(i).forEach((w, j) => (kernel[i * POLICY_ACTIONS.length + j] = w));
  return { inputs: OBSERVATION_SIZE, units: POLICY_ACTIONS.length, kernel, bias: Float64Array.from(bias) };
}

const UTIL = OBSERVATION_FEATURES.indexOf('utilisation');
/** Scale out 1 above 50 % utilisation, in 1 below: scores (0.5 − u) for −1, (u − 0.5) for +1. */
const thermostat = linear((i) => (i === UTIL ? [-1, 0, 1, 0] : [0, 0, 0, 0]), [0.5, -100, -0.5, -100]);

function artefactOf(layers: DenseLayer[], name = 'tiny-policy'): ModelArtefact {
  const weights: number[] = [];
  const weightSpecs = layers.flatMap((l, k) => {
    weights.push(...l.kernel, ...l.bias);
    return [
      { name: `dense_${k + 1}/kernel`, shape: [l.inputs, l.units], dtype: 'float32' as const },
      { name: `dense_${k + 1}/bias`, shape: [l.units], dtype: 'float32' as const },
    ];
  });
  const span = { fromMs: 0, toMs: 0, count: 0 };
  return {
    format: 'devsim-model',
    formatVersion: 1,
    name,
    purpose: 'autoscaler-policy',
    architecture: 'mlp-policy',
    window: 1,
    horizon: 0,
    normalisation: { method: 'none', offset: 0, scale: 1 },
    parameters: {},
    dataset: { source: 'run', origin: 'test', series: ['api/observation'], window: 1, horizon: 0, stepMs: 15_000, train: span, validation: span, test: span, anomalousPoints: 0 },
    evaluation: {},
    tfjs: { modelTopology: {}, weightSpecs, weightsBase64: float32ToBase64(weights) },
  };
}

describe('the policy network', () => {
  it('computes dense layers with tanh between them and raw scores at the end', () => {
    const hidden: DenseLayer = { inputs: 2, units: 2, kernel: Float64Array.from([1, -1, 2, 0.5]), bias: Float64Array.from([0, 1]) };
    const out: DenseLayer = { inputs: 2, units: 1, kernel: Float64Array.from([3, -2]), bias: Float64Array.from([0.25]) };
    const x = Float64Array.from([0.5, -0.25]);
    const h0 = Math.tanh(0.5 * 1 + -0.25 * 2);
    const h1 = Math.tanh(0.5 * -1 + -0.25 * 0.5 + 1);
    expect(mlpForward([hidden, out], x)[0]).toBeCloseTo(3 * h0 - 2 * h1 + 0.25, 12);
    expect(() => mlpForward([out], Float64Array.from([1, 2, 3]))).toThrow('layer 1 takes 2 inputs, not 3');
  });

  it('picks the action with the highest score', () => {
    const policy = mlpPolicy('thermostat', [thermostat]);
    const obs = new Float64Array(OBSERVATION_SIZE);
    obs[UTIL] = 0.8;
    expect(policy.act(obs)).toBe(1);
    obs[UTIL] = 0.2;
    expect(policy.act(obs)).toBe(-1);
    expect(() => mlpPolicy('bad', [{ ...thermostat, units: 3, bias: new Float64Array(3) }])).toThrow(/needs 4 outputs/);
  });
});

describe('learned scaling in a run', () => {
  it('takes the action the policy computes from what it observed, clamped to min and max', () => {
    const events = runEvents(dailyDoc({ policy: 'learned', ...reactiveFields, model: 'thermostat' }), {
      durationS: DAY_S,
      models: { thermostat: { type: 'policy', policy: mlpPolicy('thermostat', [thermostat]) } },
    });
    const scaled = events.filter((e) => e.type === 'scaled');
    expect(scaled.length).toBeGreaterThan(10);
    for (const e of scaled) {
      const from = e.data!.from as number;
      const cpu = e.data!.cpuPercent as number;
      // The event rounds the utilisation to 0.1 %: right at 50 % it cannot tell the side.
      if (Math.abs(cpu - 50) < 0.1) continue;
      const delta = cpu > 50 ? 1 : -1;
      expect(e.data!.source).toBe('learned');
      expect(e.data!.delta).toBe(delta);
      expect(e.data!.to).toBe(Math.min(reactiveFields.maxReplicas, Math.max(reactiveFields.minReplicas, from + delta)));
      expect(e.message).toMatch(/policy thermostat chose [+-]1/);
    }
    // Up towards the midday peak, down after it.
    const peak = scaled.reduce((a, e) => ((e.data!.to as number) > (a.data!.to as number) ? e : a));
    expect(peak.tMs).toBeGreaterThan((DAY_S / 4) * 1000);
    expect(peak.tMs).toBeLessThan((DAY_S * 3) / 4 * 1000);
    expect(scaled.at(-1)!.data!.to as number).toBeLessThan(peak.data!.to as number);
  });

  it('loads a policy saved as a model artefact and acts as the original', () => {
    const hidden = { inputs: OBSERVATION_SIZE, units: 3, kernel: Float64Array.from({ length: OBSERVATION_SIZE * 3 }, (_, i) => Math.sin(i + 1)), bias: Float64Array.from([0.1, -0.2, 0.3]) };
    const out = { inputs: 3, units: 4, kernel: Float64Array.from({ length: 12 }, (_, i) => Math.cos(i * 2)), bias: Float64Array.from([0, 0.1, 0, -0.1]) };
    // Float32 storage: compare with the original rounded the same way.
    const f32 = (l: DenseLayer): DenseLayer => ({ ...l, kernel: Float32Array.from(l.kernel), bias: Float32Array.from(l.bias) });
    const original = mlpPolicy('orig', [f32(hidden), f32(out)]);
    const loaded = policyFromArtefact(artefactOf([hidden, out]));
    expect(loaded.name).toBe('tiny-policy');
    for (let k = 0; k < 50; k++) {
      const obs = Float64Array.from({ length: OBSERVATION_SIZE }, (_, i) => Math.sin(k * 7 + i * 3));
      expect(loaded.act(obs)).toBe(original.act(obs));
    }
  });

  it('refuses an artefact that is not an mlp policy or whose weights do not fit', () => {
    const good = artefactOf([thermostat]);
    expect(() => policyFromArtefact({ ...good, purpose: 'forecaster', architecture: 'lstm-forecaster' })).toThrow('model "tiny-policy" is a lstm-forecaster forecaster, not an mlp-policy autoscaler policy');
    expect(() => policyFromArtefact({ ...good, tfjs: { ...good.tfjs!, weightsBase64: good.tfjs!.weightsBase64.slice(0, 32) } })).toThrow(/need more values than the \d+ stored/);
    const wrongInputs = artefactOf([{ ...thermostat, inputs: 3, kernel: new Float64Array(12) }]);
    expect(() => policyFromArtefact(wrongInputs)).toThrow(`dense_1/kernel takes 3 inputs where ${OBSERVATION_SIZE} come`);
    expect(() => policyFromArtefact({ ...good, tfjs: { ...good.tfjs!, weightsBase64: '!!!!' } })).toThrow(/not valid base64/);
  });
});
