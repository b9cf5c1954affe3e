import {
  MODEL_FORMAT_VERSION,
  modelArchitectureSchema,
  modelArtefactSchema,
  type ModelArtefact,
} from '../../../src-preload/contract/ml-models.js';

/**
 * Reads an artefact from untrusted JSON (an imported file, a store row). The header fields
 * are checked first so a file from another version or with an unknown architecture says
 * exactly that, not a list of schema errors; then the whole schema, naming the first bad field.
 */
export function parseArtefact(raw: unknown, where = 'model'): ModelArtefact {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ArtefactError(where, '', 'is not a JSON object');
  const header = raw as Record<string, unknown>;
  if (header['format'] !== 'devsim-model') {
    throw new ArtefactError(where, 'format', `is ${JSON.stringify(header['format'])}, not "devsim-model": this is not a DevOps Simulator model`);
  }
  if (header['formatVersion'] !== MODEL_FORMAT_VERSION) {
    throw new ArtefactError(where, 'formatVersion', `is ${JSON.stringify(header['formatVersion'])}; this version of the app reads format ${MODEL_FORMAT_VERSION} only`);
  }
  const architecture = modelArchitectureSchema.safeParse(header['architecture']);
  if (!architecture.success) {
    throw new ArtefactError(where, 'architecture', `${JSON.stringify(header['architecture'])} is not one this app knows (${modelArchitectureSchema.options.join(', ')})`);
  }
  const parsed = modelArtefactSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ArtefactError(where, issue.path.join('.'), issue.message);
  }
  const artefact = parsed.data;
  if (needsTfjs(artefact) && !artefact.tfjs) throw new ArtefactError(where, 'tfjs', `is missing: a ${artefact.architecture} model carries its network`);
  if (artefact.architecture === 'gradient-boosted-trees' && !artefact.trees) throw new ArtefactError(where, 'trees', 'is missing: a gradient-boosted-trees model carries its trees');
  if (artefact.tfjs) {
    const { weightsBase64, weightSpecs } = artefact.tfjs;
    const bytes = Math.floor((weightsBase64.length * 3) / 4) - (weightsBase64.endsWith('==') ? 2 : weightsBase64.endsWith('=') ? 1 : 0);
    const needed = weightSpecs.reduce((sum, spec) => sum + 4 * spec.shape.reduce((a, b) => a * b, 1), 0);
    if (bytes !== needed) throw new ArtefactError(where, 'tfjs.weightsBase64', `holds ${bytes} bytes of weights; tfjs.weightSpecs need ${needed}`);
  }
  return artefact;
}

/** Architectures whose weights are a tfjs network. */
export function needsTfjs(artefact: Pick<ModelArtefact, 'architecture'>): boolean {
  return ['lstm-predictor', 'lstm-autoencoder', 'lstm-forecaster', 'tcn-forecaster', 'mlp-policy'].includes(artefact.architecture);
}

/** A refused artefact; `field` is the dotted path of the offending field ("" for the whole). */
export class ArtefactError extends Error {
  override readonly name = 'ArtefactError';
  constructor(
    readonly where: string,
    readonly field: string,
    detail: string,
  ) {
    super(field ? `${where}: ${field} ${detail}` : `${where} ${detail}`);
  }
}
