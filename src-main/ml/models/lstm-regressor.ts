import * as tf from '@tensorflow/tfjs';

export interface LstmRegressorShape {
  window: number;
  units: number;
  learningRate: number;
  /** Seeds the initial weights, so a training repeats for a seed. */
  seed: number;
}

/**
 * LSTM(units) → Dense(1) over a [window, 1] sequence, compiled with Adam and MSE. The gates
 * use the logistic sigmoid (tfjs's default is hardSigmoid; sigmoid is Keras 2's default and one
 * op where hardSigmoid is three); the kernel's plain-JS pass reads the choice from the topology.
 */
export function buildLstmRegressor({ window, units, learningRate, seed }: LstmRegressorShape): tf.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.lstm({
        units,
        inputShape: [window, 1],
        recurrentActivation: 'sigmoid',
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
        recurrentInitializer: tf.initializers.orthogonal({ seed: seed + 1 }),
      }),
      tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }) }),
    ],
  });
  compileRegressor(model, learningRate);
  return model;
}

/** Adam + MSE: also how a loaded model is compiled for online updates. */
export function compileRegressor(model: tf.LayersModel, learningRate: number): void {
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'meanSquaredError' });
}

/** Frees a model and its optimizer (model.dispose() leaves an optimizer passed as an instance). */
export function disposeModel(model: tf.LayersModel): void {
  const optimizer = model.optimizer as tf.Optimizer | undefined;
  model.dispose();
  optimizer?.dispose();
}
