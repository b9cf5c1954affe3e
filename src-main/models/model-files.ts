// A model ⇄ the contract's ModelFiles (model.json text, weights.bin as base64). The mapping
// itself is the ML layer's (src-main/ml/artefact/tfjs-files.ts); here its refusals become
// BAD_REQUEST errors naming the file and field, as the contract reports them.
import { ContractError, type ModelArtefact, type ModelFiles } from '../../src-preload/contract/index.js';
import { ArtefactError, parseArtefact } from '../ml/artefact/parse-artefact.js';
import { artefactToTfjsFiles, tfjsFilesToArtefact, WEIGHTS_FILE_NAME } from '../ml/artefact/tfjs-files.js';
import { checkBase64 } from './check-weights.js';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = WEIGHTS_FILE_NAME;

export function toModelFiles(artefact: ModelArtefact): ModelFiles {
  const { modelJson, weightsBin } = artefactToTfjsFiles(artefact);
  return { modelJson, weightsBase64: Buffer.from(weightsBin.buffer, weightsBin.byteOffset, weightsBin.byteLength).toString('base64') };
}

/** Files this app exported: refused with the field named when they are not (another formatVersion included). */
export function fromModelFiles(files: ModelFiles): ModelArtefact {
  checkBase64(files.weightsBase64, 'weightsBase64');
  return asContractError(() => tfjsFilesToArtefact(files.modelJson, Buffer.from(files.weightsBase64, 'base64')));
}

/** The checks beyond the schema: a network architecture carries its network, trees their trees. */
export function checkArtefact(artefact: ModelArtefact, where: string): void {
  asContractError(() => parseArtefact(artefact, where));
}

function asContractError<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof ArtefactError)) throw err;
    throw new ContractError('BAD_REQUEST', err.message, err.field ? `${err.where}.${err.field}` : err.where);
  }
}
