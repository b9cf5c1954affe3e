// The kernel's plain-JS forward pass against tfjs's predict on the same trained weights.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelNetworkFromTfjs } from '../../../src-main/ml/artefact/kernel-network.js';
import { captureTfjs } from '../../../src-main/ml/artefact/io-handler.js';
import { networkForward } from '../../../src-main/kernel/ml/index.js';
import { seededRandom } from '../../../src-main/ml/training/seeded-random.js';
import { disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import { useWasmBackend } from '../ml/models-tf-setup.js';

beforeAll(useWasmBackend);

const random = seededRandom(42);
const randomMatrix = (rows: number, cols: number) => Float32Array.from({ length: rows * cols }, () => 2 * random() - 1);

/** Trains a few epochs on random data so the weights are no longer their initial values. */
async function trained(model: tf.Sequential, inputShape: number[], outputs: number): Promise<tf.Sequential> {
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  const count = 64;
  const size = inputShape.reduce((a, b) => a * b, 1);
  const x = tf.tensor(randomMatrix(count, size), [count, ...inputShape]);
  const y = tf.tensor2d(randomMatrix(count, outputs), [count, outputs]);
  await model.fit(x, y, { epochs: 3, batchSize: 16, verbose: 0 });
  tf.dispose([x, y]);
  return model;
}

async function maxDifference(model: tf.Sequential, inputShape: number[], windows: number): Promise<number> {
  const network = kernelNetworkFromTfjs(await captureTfjs(model), 'test model');
  const size = inputShape.reduce((a, b) => a * b, 1);
  let worst = 0;
  for (let w = 0; w < windows; w++) {
    const input = randomMatrix(1, size);
    const x = tf.tensor(input, [1, ...inputShape]);
    const expected = (model.predict(x) as tf.Tensor).dataSync();
    const actual = networkForward(network, input);
    tf.dispose(x);
    expect(actual.length).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  }
  return worst;
}

describe('plain-JS inference matches tfjs', () => {
  it('LSTM (sigmoid gates, as the lab builds it) → Dense, window 24: within 1e-5 on 20 random windows', async () => {
    const model = await trained(
      tf.sequential({ layers: [tf.layers.lstm({ units: 12, inputShape: [24, 1], recurrentActivation: 'sigmoid' }), tf.layers.dense({ units: 1 })] }),
      [24, 1],
      1,
    );
    expect(await maxDifference(model, [24, 1], 20)).toBeLessThanOrEqual(1e-5);
    disposeModel(model);
  });

  it("LSTM with tfjs 4.22's default gates (hardSigmoid), two features, stacked, Dense(3): within 1e-5", async () => {
    const model = await trained(
      tf.sequential({
        layers: [
          tf.layers.lstm({ units: 8, inputShape: [16, 2], returnSequences: true }),
          tf.layers.lstm({ units: 6 }),
          tf.layers.dense({ units: 3, activation: 'tanh' }),
        ],
      }),
      [16, 2],
      3,
    );
    const topology = (await captureTfjs(model)).modelTopology as { config: { layers: { config: Record<string, unknown> }[] } };
    expect(topology.config.layers[0]!.config['recurrent_activation']).toBe('hard_sigmoid');
    expect(await maxDifference(model, [16, 2], 20)).toBeLessThanOrEqual(1e-5);
    disposeModel(model);
  });

  it('a tiny MLP (relu, sigmoid, linear): within 1e-5', async () => {
    const model = await trained(
      tf.sequential({
        layers: [
          tf.layers.dense({ units: 16, inputShape: [6], activation: 'relu' }),
          tf.layers.dense({ units: 8, activation: 'sigmoid' }),
          tf.layers.dense({ units: 4 }),
        ],
      }),
      [6],
      4,
    );
    expect(await maxDifference(model, [6], 50)).toBeLessThanOrEqual(1e-5);
    disposeModel(model);
  });
});
