// A model file for devsim autoscale-compare: a DevOps Simulator artefact (JSON, format
// devsim-model) or a TensorFlow.js model.json exported by the app (weights.bin beside it).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ModelArtefact } from '../../src-preload/contract/ml-models.js';
import { parseArtefact } from '../ml/artefact/parse-artefact.js';
import { tfjsFilesToArtefact, WEIGHTS_FILE_NAME } from '../ml/artefact/tfjs-files.js';

export function readModelFile(file: string): ModelArtefact {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read it: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: is not JSON (${(err as Error).message})`);
  }
  try {
    if (typeof json === 'object' && json !== null && 'weightsManifest' in json) {
      const weights = join(dirname(file), WEIGHTS_FILE_NAME);
      let bin: Uint8Array;
      try {
        bin = readFileSync(weights);
      } catch {
        throw new Error(`${weights}: cannot read the weights model.json points at`);
      }
      return tfjsFilesToArtefact(json, bin);
    }
    return parseArtefact(json, file);
  } catch (err) {
    const message = (err as Error).message;
    throw new Error(message.startsWith(file) ? message : `${file}: ${message}`);
  }
}
