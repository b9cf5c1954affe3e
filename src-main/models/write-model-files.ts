import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ModelFiles } from '../../src-preload/contract/index.js';
import { writeFileAtomic } from '../app/write-file-atomic.js';
import { MODEL_FILE, WEIGHTS_FILE } from './model-files.js';

/** Writes the folder `target` with model.json and (for a network) weights.bin; returns the files written. */
export function writeModelFiles(target: string, files: ModelFiles): string[] {
  const root = resolve(target);
  mkdirSync(root, { recursive: true });
  const written: string[] = [];
  // Weights first: a model.json on disk never points at weights that are not there yet.
  if (files.weightsBase64 !== '') {
    const weights = join(root, WEIGHTS_FILE);
    writeFileAtomic(weights, Buffer.from(files.weightsBase64, 'base64'));
    written.push(weights);
  }
  const model = join(root, MODEL_FILE);
  writeFileAtomic(model, files.modelJson);
  written.push(model);
  return written;
}
