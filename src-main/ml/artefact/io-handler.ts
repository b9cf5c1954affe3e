import * as tf from '@tensorflow/tfjs';
import type { TfjsArtefact, WeightSpec } from '../../../src-preload/contract/ml-models.js';
import { base64ToBytes, bytesToBase64 } from './base64.js';

/**
 * A model's topology and weights through a custom tfjs IOHandler: tfjs serialises exactly
 * as it would to files (one weights buffer, float32 little-endian), so the round trip is
 * bit-identical and no file system or URL is involved.
 */
export async function captureTfjs(model: tf.LayersModel): Promise<TfjsArtefact> {
  let captured: TfjsArtefact | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (!artifacts.modelTopology || artifacts.modelTopology instanceof ArrayBuffer) throw new Error('tfjs gave no JSON model topology to save');
      const specs = (artifacts.weightSpecs ?? []).map(toContractSpec);
      const data = artifacts.weightData;
      const buffer = data === undefined ? new ArrayBuffer(0) : Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
      captured = { modelTopology: artifacts.modelTopology as Record<string, unknown>, weightSpecs: specs, weightsBase64: bytesToBase64(new Uint8Array(buffer)) };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (!captured) throw new Error('tfjs did not hand over the model to save');
  return captured;
}

/** Rebuilds the tf.LayersModel (uncompiled) from the artefact's tfjs part. */
export async function loadTfjs(artefact: TfjsArtefact): Promise<tf.LayersModel> {
  const bytes = base64ToBytes(artefact.weightsBase64, 'tfjs.weightsBase64');
  const expected = artefact.weightSpecs.reduce((sum, s) => sum + 4 * s.shape.reduce((a, b) => a * b, 1), 0);
  if (bytes.length !== expected) {
    throw new RangeError(`tfjs.weightsBase64: ${bytes.length} bytes of weights, the weight specs need ${expected}`);
  }
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: artefact.modelTopology, weightSpecs: artefact.weightSpecs, weightData }));
}

function toContractSpec(spec: tf.io.WeightsManifestEntry): WeightSpec {
  if (spec.dtype !== 'float32') throw new Error(`weight ${spec.name} is ${spec.dtype}; the lab stores float32 weights only`);
  if (spec.quantization) throw new Error(`weight ${spec.name} is quantised; the lab stores float32 weights only`);
  return { name: spec.name, shape: [...spec.shape], dtype: 'float32' };
}
