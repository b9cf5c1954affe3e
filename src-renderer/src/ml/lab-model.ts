// The lab's small next-value model: LSTM → Dense(1), mean squared error. A narrow stand-in for
// the models in src-main/ml/models (being written alongside), sized to train in seconds here.
import * as tf from '@tensorflow/tfjs';

export function buildLabModel(window: number, units: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units, inputShape: [window, 1] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

/** Frees the model and its optimizer (model.dispose() leaves an optimizer passed as an instance). */
export function disposeLabModel(model: tf.LayersModel): void {
  const optimizer = model.optimizer as tf.Optimizer | undefined;
  model.dispose();
  optimizer?.dispose();
}
