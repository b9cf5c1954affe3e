// A model ⇄ TensorFlow.js files: model.json in tfjs's layers-model format (what
// tf.loadLayersModel reads) with the devsim artefact in userDefinedMetadata.devsim, and
// weights.bin holding every weight in manifest order. Pure: no files, no Node.
import {
  ContractError,
  describeIssues,
  MODEL_FORMAT_VERSION,
  modelArtefactSchema,
  type ModelArtefact,
  type ModelFiles,
} from '../../src-preload/contract/index.js';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';
const DEVSIM_PATH = 'modelJson.userDefinedMetadata.devsim';

export function toTfjsFiles(artefact: ModelArtefact): ModelFiles {
  const { tfjs, ...devsim } = artefact;
  const modelJson = {
    // null for models without a network (baselines, trees): their numbers are all in devsim.
    modelTopology: tfjs?.modelTopology ?? null,
    format: 'layers-model',
    generatedBy: `DevOps Simulator (devsim-model format ${MODEL_FORMAT_VERSION})`,
    convertedBy: null,
    weightsManifest: tfjs ? [{ paths: [WEIGHTS_FILE], weights: tfjs.weightSpecs }] : [],
    userDefinedMetadata: { devsim },
  };
  return { modelJson: JSON.stringify(modelJson, null, 1), weightsBase64: tfjs?.weightsBase64 ?? '' };
}

/**
 * Reads files made by toTfjsFiles (or by tfjs with the same metadata). A manifest with several
 * groups or shards is read in order, so the weights are the shards' bytes one after another.
 */
export function fromTfjsFiles(files: ModelFiles): ModelArtefact {
  const json = parseJson(files.modelJson);
  if (json.format !== undefined && json.format !== 'layers-model') {
    refuse(`model.json is a ${JSON.stringify(json.format)} model; only tfjs layers-model files can be imported`, 'modelJson.format');
  }
  const devsim = record(record(json.userDefinedMetadata).devsim);
  if (Object.keys(devsim).length === 0) {
    refuse(
      'model.json has no userDefinedMetadata.devsim: only models exported by DevOps Simulator can be imported (it says what the model is for and how its inputs are scaled)',
      DEVSIM_PATH,
    );
  }
  if (devsim.formatVersion !== MODEL_FORMAT_VERSION) {
    refuse(
      `formatVersion: this app reads model format version ${MODEL_FORMAT_VERSION}; the file is format version ${JSON.stringify(devsim.formatVersion)}`,
      `${DEVSIM_PATH}.formatVersion`,
    );
  }
  const hasNetwork = json.modelTopology !== null && json.modelTopology !== undefined;
  const candidate = hasNetwork
    ? { ...devsim, tfjs: { modelTopology: json.modelTopology, weightSpecs: manifestSpecs(json.weightsManifest), weightsBase64: files.weightsBase64 } }
    : devsim;
  if (!hasNetwork && files.weightsBase64 !== '') refuse('weights were given for a model.json without a network (modelTopology is null)', 'weightsBase64');
  const parsed = modelArtefactSchema.safeParse(candidate);
  if (!parsed.success) refuse(`The files do not hold a valid model: ${describeIssues(parsed.error, 'model')}`, 'modelJson');
  return parsed.data!;
}

function parseJson(text: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    refuse(`model.json is not JSON: ${(err as Error).message}`, 'modelJson');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) refuse('model.json must be a JSON object', 'modelJson');
  return json as Record<string, unknown>;
}

function manifestSpecs(manifest: unknown): unknown[] {
  if (!Array.isArray(manifest)) refuse('model.json needs a weightsManifest list', 'modelJson.weightsManifest');
  return (manifest as unknown[]).flatMap((group, i) => {
    const weights = record(group).weights;
    if (!Array.isArray(weights)) refuse(`weightsManifest[${i}] has no weights list`, `modelJson.weightsManifest.${i}.weights`);
    return weights as unknown[];
  });
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function refuse(message: string, where: string): never {
  throw new ContractError('BAD_REQUEST', message, where);
}
