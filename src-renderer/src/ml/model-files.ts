// A stored model as the two files TensorFlow.js reads (model.json, weights.bin), to and from
// what the contract carries (the weights as base64).
import type { ModelFiles } from '../../../src-preload/contract/index.js';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The two files picked for import, by their role: the .json is the model, the .bin its weights. */
export async function modelFilesFrom(files: readonly File[]): Promise<ModelFiles> {
  const json = files.find((f) => f.name.toLowerCase().endsWith('.json'));
  const bin = files.find((f) => f.name.toLowerCase().endsWith('.bin'));
  if (!json) throw new Error(`Pick the model's ${MODEL_JSON} (and its ${WEIGHTS_BIN}) together`);
  return { modelJson: await json.text(), weightsBase64: bin ? bytesToBase64(new Uint8Array(await bin.arrayBuffer())) : '' };
}
