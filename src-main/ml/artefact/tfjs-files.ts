import type { ModelArtefact } from '../../../src-preload/contract/ml-models.js';
import { base64ToBytes, bytesToBase64 } from './base64.js';
import { ArtefactError, parseArtefact } from './parse-artefact.js';

/** The weights file model.json points at. */
export const WEIGHTS_FILE_NAME = 'weights.bin';

/** A model as TensorFlow.js's files: tf.loadLayersModel reads them; the devsim artefact rides in userDefinedMetadata. */
export interface TfjsFiles {
  /** model.json's text. */
  modelJson: string;
  /** weights.bin's bytes (empty for a model without a network: trees, baselines). */
  weightsBin: Uint8Array;
}

/** Artefact → model.json + weights.bin, as pure data (ML-STORE writes them to disk). */
export function artefactToTfjsFiles(artefact: ModelArtefact): TfjsFiles {
  const { tfjs, ...devsim } = artefact;
  const modelJson = {
    format: 'layers-model',
    generatedBy: 'DevOps Simulator (TensorFlow.js 4.22.0)',
    convertedBy: null,
    ...(tfjs ? { modelTopology: tfjs.modelTopology } : {}),
    weightsManifest: tfjs ? [{ paths: [WEIGHTS_FILE_NAME], weights: tfjs.weightSpecs }] : [],
    userDefinedMetadata: { devsim },
  };
  return { modelJson: JSON.stringify(modelJson), weightsBin: tfjs ? base64ToBytes(tfjs.weightsBase64) : new Uint8Array(0) };
}

/** model.json (text or parsed) + weights.bin → a checked artefact; errors name the file and field. */
export function tfjsFilesToArtefact(modelJson: string | unknown, weightsBin: Uint8Array): ModelArtefact {
  const json = typeof modelJson === 'string' ? parseJson(modelJson) : modelJson;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ArtefactError('model.json', '', 'is not a JSON object');
  const file = json as Record<string, unknown>;
  const metadata = file['userDefinedMetadata'];
  const devsim = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)['devsim'] : undefined;
  if (typeof devsim !== 'object' || devsim === null) {
    throw new ArtefactError('model.json', 'userDefinedMetadata.devsim', 'is missing: this TensorFlow.js model was not saved by DevOps Simulator, so its purpose and scaling are unknown');
  }
  const manifest = file['weightsManifest'];
  if (!Array.isArray(manifest)) throw new ArtefactError('model.json', 'weightsManifest', 'is not a list');
  const weightSpecs = manifest.flatMap((group: unknown, i) => {
    const weights = typeof group === 'object' && group !== null ? (group as Record<string, unknown>)['weights'] : undefined;
    if (!Array.isArray(weights)) throw new ArtefactError('model.json', `weightsManifest.${i}.weights`, 'is not a list');
    return weights as unknown[];
  });
  // The file's own size is checked first, so the message names weights.bin, not a field.
  const needed = weightSpecs.reduce((sum: number, spec) => sum + 4 * specSize(spec), 0);
  if (Number.isFinite(needed) && weightsBin.length !== needed) throw new ArtefactError(WEIGHTS_FILE_NAME, '', `holds ${weightsBin.length} bytes; model.json's weights need ${needed}`);
  const tfjs = 'modelTopology' in file ? { modelTopology: file['modelTopology'], weightSpecs, weightsBase64: bytesToBase64(weightsBin) } : undefined;
  return parseArtefact({ ...(devsim as Record<string, unknown>), ...(tfjs ? { tfjs } : {}) }, 'model.json');
}

/** Values in a weight spec's shape; NaN when the spec is malformed (the schema then names it). */
function specSize(spec: unknown): number {
  const shape = typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>)['shape'] : undefined;
  return Array.isArray(shape) ? shape.reduce((a: number, b: unknown) => a * (typeof b === 'number' ? b : NaN), 1) : NaN;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ArtefactError('model.json', '', `is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
