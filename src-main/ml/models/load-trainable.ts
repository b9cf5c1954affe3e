import type * as tf from '@tensorflow/tfjs';
import type { ModelArtefact } from '../../../src-preload/contract/ml-models.js';
import { artefactToNetwork } from '../artefact/model-artefact.js';
import { compileRegressor } from './lstm-regressor.js';

/** A stored LSTM model ready for online updates: loaded and compiled with its own learning rate. */
export async function loadTrainableModel(artefact: ModelArtefact): Promise<tf.LayersModel> {
  const model = await artefactToNetwork(artefact);
  compileRegressor(model, artefact.parameters['learningRate'] ?? 0.01);
  return model;
}
