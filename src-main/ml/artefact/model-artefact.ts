import type * as tf from '@tensorflow/tfjs';
import { MODEL_FORMAT_VERSION, type ModelArtefact } from '../../../src-preload/contract/ml-models.js';
import { captureTfjs, loadTfjs } from './io-handler.js';
import { parseArtefact } from './parse-artefact.js';

/** Everything an artefact says about a model except its format header and weights. */
export type ArtefactDescription = Omit<ModelArtefact, 'format' | 'formatVersion' | 'tfjs' | 'trees'>;

/** A trained tfjs model as the contract's artefact (checked against the schema on the way out). */
export async function networkToArtefact(model: tf.LayersModel, description: ArtefactDescription): Promise<ModelArtefact> {
  const tfjs = await captureTfjs(model);
  return parseArtefact({ format: 'devsim-model', formatVersion: MODEL_FORMAT_VERSION, ...description, tfjs });
}

/** The tfjs model inside an artefact (uncompiled: compile it to train further). */
export async function artefactToNetwork(artefact: ModelArtefact): Promise<tf.LayersModel> {
  if (!artefact.tfjs) throw new Error(`model "${artefact.name}": a ${artefact.architecture} model has no tfjs network`);
  return loadTfjs(artefact.tfjs);
}
