// A trained policy as the contract's model artefact: architecture mlp-policy, its weights as
// tfjs Dense weights (weightSpecs + one float32 buffer in base64) under a Keras Sequential
// topology, so the store exports it as tfjs files that tf.loadLayersModel reads, and the
// kernel loads it back with policyFromArtefact.
import type { DatasetInfo, ModelArtefact } from '../../../src-preload/contract/ml-models.js';
import { float32ToBase64, OBSERVATION_FEATURES, POLICY_ACTIONS, type DenseLayer } from '../../kernel/index.js';

export interface PolicyArtefactInfo {
  name: string;
  /** Where it was trained: the document's name. */
  origin: string;
  /** The autoscaled nodes it was trained on. */
  nodes: readonly string[];
  syncPeriodMs: number;
  trainSeeds: readonly number[];
  measuredMs: number;
  parameters: Readonly<Record<string, number>>;
  evaluation: Readonly<Record<string, number>>;
}

function denseConfig(layer: DenseLayer, index: number, last: boolean): Record<string, unknown> {
  return {
    class_name: 'Dense',
    config: {
      name: `dense_${index + 1}`,
      units: layer.units,
      activation: last ? 'linear' : 'tanh',
      use_bias: true,
      trainable: true,
      dtype: 'float32',
      kernel_initializer: { class_name: 'Zeros', config: {} },
      bias_initializer: { class_name: 'Zeros', config: {} },
      kernel_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
      ...(index === 0 ? { batch_input_shape: [null, layer.inputs] } : {}),
    },
  };
}

export function policyArtefact(layers: readonly DenseLayer[], info: PolicyArtefactInfo): ModelArtefact {
  const values: number[] = [];
  const weightSpecs = layers.flatMap((layer, k) => {
    values.push(...layer.kernel, ...layer.bias);
    return [
      { name: `dense_${k + 1}/kernel`, shape: [layer.inputs, layer.units], dtype: 'float32' as const },
      { name: `dense_${k + 1}/bias`, shape: [layer.units], dtype: 'float32' as const },
    ];
  });
  const span = { fromMs: 0, toMs: info.measuredMs, count: info.trainSeeds.length };
  const none = { fromMs: 0, toMs: 0, count: 0 };
  const dataset: DatasetInfo = {
    source: 'run',
    origin: info.origin.slice(0, 500),
    series: info.nodes.slice(0, 64).map((id) => `${id}/observation`.slice(0, 200)),
    window: 1,
    horizon: 0,
    stepMs: info.syncPeriodMs,
    train: span,
    validation: none,
    test: none,
    anomalousPoints: 0,
  };
  return {
    format: 'devsim-model',
    formatVersion: 1,
    name: info.name,
    purpose: 'autoscaler-policy',
    architecture: 'mlp-policy',
    window: 1,
    horizon: 0,
    normalisation: { method: 'none', offset: 0, scale: 1 },
    parameters: { inputs: OBSERVATION_FEATURES.length, actions: POLICY_ACTIONS.length, ...info.parameters },
    dataset,
    evaluation: { ...info.evaluation },
    tfjs: {
      modelTopology: {
        class_name: 'Sequential',
        config: { name: 'mlp_policy', layers: layers.map((l, k) => denseConfig(l, k, k === layers.length - 1)) },
        keras_version: 'tfjs-layers 4.22.0',
        backend: 'tensor_flow.js',
      },
      weightSpecs,
      weightsBase64: float32ToBase64(values),
    },
  };
}
