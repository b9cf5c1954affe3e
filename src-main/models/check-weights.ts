import { ContractError, weightByteLength, type ModelArtefact } from '../../src-preload/contract/index.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Refuses text that is not strict base64 (Node's decoder would quietly skip what it cannot read). */
export function checkBase64(text: string, where: string): void {
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw new ContractError('BAD_REQUEST', `${where} is not base64`, where);
}

/** Refuses weights that do not hold exactly the values the weight specs describe (float32, in order). */
export function checkWeights(artefact: ModelArtefact, where: string): void {
  if (!artefact.tfjs) return;
  const { weightsBase64, weightSpecs } = artefact.tfjs;
  checkBase64(weightsBase64, where);
  const bytes = Buffer.byteLength(weightsBase64, 'base64');
  const expected = weightByteLength(weightSpecs);
  if (bytes !== expected) {
    throw new ContractError('BAD_REQUEST', `${where} holds ${bytes} bytes; the weight specs need ${expected} (float32, in order)`, where);
  }
}
