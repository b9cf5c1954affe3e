// Trains the lab's model on one series: progress per epoch, cancel through an AbortSignal, and
// figures on the held-out test part. Runs inside the worker; yields between batches so a
// cancel message is read while fit() runs.
import * as tf from '@tensorflow/tfjs';
import { buildDataset, type LabDataset, type Windows } from './lab-dataset.js';
import { buildLabModel, disposeLabModel } from './lab-model.js';
import type { EpochFigures, SeriesInput, TrainedFigures, TrainSpec } from './protocol.js';

export interface TrainHooks {
  onEpoch(figures: EpochFigures): void;
  signal: AbortSignal;
}

export interface TrainedModel {
  model: tf.LayersModel;
  dataset: Pick<LabDataset, 'window' | 'normalisation'>;
}

export type TrainOutcome = { kind: 'trained'; result: TrainedFigures; trained: TrainedModel } | { kind: 'cancelled'; epochsDone: number };

/** How long fit() may run before it lets the worker read its messages. */
const YIELD_EVERY_MS = 30;
const yieldToMessages = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const tensorsOf = (w: Windows, window: number): [tf.Tensor3D, tf.Tensor2D] => [tf.tensor3d(w.x, [w.count, window, 1]), tf.tensor2d(w.y, [w.count, 1])];

/** Mean absolute error in the series' own units, of the model and of "the last value seen" (naive). */
function testFigures(model: tf.LayersModel, data: LabDataset): Record<string, number> {
  const { test, window, normalisation } = data;
  if (test.count === 0) return {};
  const predicted = tf.tidy(() => (model.predict(tf.tensor3d(test.x, [test.count, window, 1])) as tf.Tensor).dataSync());
  let modelError = 0;
  let naiveError = 0;
  for (let k = 0; k < test.count; k++) {
    modelError += Math.abs(predicted[k]! - test.y[k]!);
    naiveError += Math.abs(test.x[k * window + window - 1]! - test.y[k]!);
  }
  const mae = (modelError / test.count) * normalisation.scale;
  const naiveMae = (naiveError / test.count) * normalisation.scale;
  return Number.isFinite(mae) ? { mae, naiveMae, testWindows: test.count } : { testWindows: test.count };
}

export async function trainLabModel(series: SeriesInput, spec: TrainSpec, hooks: TrainHooks): Promise<TrainOutcome> {
  const data = buildDataset(series, spec);
  if (data.validation.count === 0) throw new Error(`Series ${series.name}: the validation part has no windows; give it a larger fraction`);
  const started = performance.now();
  const model = buildLabModel(spec.window, spec.units);
  const [xs, ys] = tensorsOf(data.train, spec.window);
  const [vx, vy] = tensorsOf(data.validation, spec.window);
  let epochsDone = 0;
  let badLoss: number | null = null;
  let lastYield = performance.now();
  try {
    await model.fit(xs, ys, {
      epochs: spec.epochs,
      batchSize: spec.batchSize,
      validationData: [vx, vy],
      shuffle: true,
      yieldEvery: 'never',
      callbacks: {
        onBatchEnd: async () => {
          if (performance.now() - lastYield > YIELD_EVERY_MS) {
            await yieldToMessages();
            lastYield = performance.now();
          }
          if (hooks.signal.aborted) model.stopTraining = true;
        },
        onEpochEnd: (epoch, logs) => {
          const loss = logs?.['loss'] ?? NaN;
          const valLoss = logs?.['val_loss'] ?? NaN;
          if (!Number.isFinite(loss)) {
            badLoss = epoch + 1;
            model.stopTraining = true;
            return;
          }
          epochsDone = epoch + 1;
          hooks.onEpoch({ epoch: epoch + 1, loss, valLoss: Number.isFinite(valLoss) ? valLoss : null, elapsedMs: performance.now() - started });
        },
      },
    });
    if (badLoss !== null) throw new Error(`Training stopped: the loss was not a number at epoch ${badLoss} (try zscore normalisation or a smaller window)`);
    if (hooks.signal.aborted) {
      disposeLabModel(model);
      return { kind: 'cancelled', epochsDone };
    }
    const result: TrainedFigures = {
      windows: { train: data.train.count, validation: data.validation.count, test: data.test.count },
      filledPoints: data.filledPoints,
      evaluation: testFigures(model, data),
      elapsedMs: performance.now() - started,
    };
    return { kind: 'trained', result, trained: { model, dataset: { window: data.window, normalisation: data.normalisation } } };
  } catch (err) {
    disposeLabModel(model);
    throw err;
  } finally {
    tf.dispose([xs, ys, vx, vy]);
  }
}

/** The trained model's forecast for each window of raw values (in the series' units). */
export function predictWith(trained: TrainedModel, windows: readonly (readonly number[])[]): number[] {
  const { window, normalisation } = trained.dataset;
  const bad = windows.findIndex((w) => w.length !== window);
  if (bad >= 0) throw new Error(`Window ${bad} has ${windows[bad]!.length} values; the model reads ${window}`);
  const x = new Float32Array(windows.length * window);
  windows.forEach((w, k) => w.forEach((v, j) => (x[k * window + j] = (v - normalisation.offset) / normalisation.scale)));
  const out = tf.tidy(() => (trained.model.predict(tf.tensor3d(x, [windows.length, window, 1])) as tf.Tensor).dataSync());
  return Array.from(out, (v) => v * normalisation.scale + normalisation.offset);
}
