import { ContractError, weightByteLength, type ModelArtefact } from '../../src-preload/contract/index.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Refuses weights that are not strict base64 or do not hold exactly the values the weight
 * specs describe (float32, in order): such a model would load wrong or not at all.
 */
export function checkWeights(artefact: ModelArtefact, where: string): void {
  if (!artefact.tfjs) return;
  const { weightsBase64, weightSpecs } = artefact.tfjs;
  if (weightsBase64.length % 4 !== 0 || !BASE64.test(weightsBase64)) {
    throw new ContractError('BAD_REQUEST', `${where} is not base64`, where);
  }
  const bytes = Buffer.byteLength(weightsBase64, 'base64');
  const expected = weightByteLength(weightSpecs);
  if (bytes !== expected) {
    throw new ContractError('BAD_REQUEST', `${where} holds ${bytes} bytes; the weight specs need ${expected} (float32, in order)`, where);
  }
}
