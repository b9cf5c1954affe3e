import { isAbsolute } from 'node:path';
import {
  ContractError,
  type ModelArtefact,
  type ModelFiles,
  type ModelList,
  type ModelPurpose,
  type ModelSummary,
  type StoredModel,
} from '../../src-preload/contract/index.js';
import type { ModelRepo } from '../store/model-repo.js';
import { checkWeights } from './check-weights.js';
import { checkArtefact, fromModelFiles, toModelFiles } from './model-files.js';
import { writeModelFiles } from './write-model-files.js';

export type ModelRef = { id: string } | { name: string };

/** The ML lab's models: stored, listed, read back, and exported or imported as tfjs files. */
export class ModelService {
  constructor(private readonly repo: ModelRepo) {}

  list(purpose?: ModelPurpose): ModelList {
    return this.repo.list(purpose);
  }

  get(ref: ModelRef): StoredModel {
    const model = 'id' in ref ? this.repo.get(ref.id) : this.repo.getLatest(ref.name);
    if (!model) {
      const what = 'id' in ref ? `with the id ${ref.id}` : `called ${JSON.stringify(ref.name)}`;
      throw new ContractError('NOT_FOUND', `There is no model ${what}.`, 'id' in ref ? 'id' : 'name');
    }
    return model;
  }

  save(artefact: ModelArtefact): ModelSummary {
    checkWeights(artefact, 'artefact.tfjs.weightsBase64');
    checkArtefact(artefact, 'artefact');
    return this.repo.save(artefact);
  }

  delete(id: string): { deleted: boolean } {
    return { deleted: this.repo.delete(id) };
  }

  /** With a path, writes the folder there (desktop); without, returns the files (a browser download). */
  exportFiles(id: string, path?: string): { written: string[]; files?: ModelFiles } {
    const { id: _id, version: _version, createdAt: _createdAt, ...artefact } = this.get({ id });
    const files = toModelFiles(artefact);
    if (path === undefined) return { written: [], files };
    // Relative paths would land wherever the app happens to run.
    if (!isAbsolute(path)) throw new ContractError('BAD_REQUEST', `An export path must be absolute: ${path}`, 'path');
    try {
      return { written: writeModelFiles(path, files) };
    } catch (err) {
      throw new ContractError('BAD_REQUEST', `Could not write the model files to ${path}: ${(err as Error).message}`, path);
    }
  }

  /** Files from exportFiles (or the same format), checked and stored as the next version of their name. */
  importFiles(files: ModelFiles): ModelSummary {
    return this.repo.save(fromModelFiles(files));
  }
}
