// fast-check generators for the model methods: artefacts and tfjs files near the valid ones
// (so models are saved, read and exported), and ones the store or the file check refuses.
import { join } from 'node:path';
import fc from 'fast-check';
import type { ErrorCode, MethodName, ModelArtefact } from '../../../src-preload/contract/index.js';
import { toModelFiles } from '../../../src-main/models/model-files.js';
import type { Store } from '../../../src-main/store/store.js';
import { baselineArtefact, networkArtefact } from '../models/fixtures/artefact.js';

const SEEDED_NAMES = ['fuzz-detector', 'fuzz-baseline'] as const;
/** Ids of the models put in the store before the fuzzing (ids are made by the store). */
const seededIds: string[] = [];

export function seedModels(store: Store): void {
  seededIds.push(store.models.save(networkArtefact(SEEDED_NAMES[0])).id, store.models.save(baselineArtefact(SEEDED_NAMES[1])).id);
}

const seededId = fc.nat().map((i) => seededIds[i % Math.max(seededIds.length, 1)] ?? 'model-none');
const modelId = fc.oneof({ weight: 4, arbitrary: seededId }, fc.constantFrom('model-missing', 'model-', 'model-A', 'x', ''), fc.string({ maxLength: 12 }));
const modelName = fc.oneof(fc.constantFrom(...SEEDED_NAMES, 'ghost', ''), fc.string({ maxLength: 8 }));

/** A valid artefact, or one broken in a way the contract or the weight check catches. */
const artefact: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(modelName, fc.boolean()).map(([name, network]) => (network ? networkArtefact(name) : baselineArtefact(name))) },
  fc.constant({ ...networkArtefact(), tfjs: undefined }),
  fc.constantFrom<unknown>(
    { ...networkArtefact(), formatVersion: 2 },
    { ...networkArtefact(), tfjs: { ...networkArtefact().tfjs!, weightsBase64: 'AAAA' } },
    { ...networkArtefact(), tfjs: { ...networkArtefact().tfjs!, weightsBase64: 'A$==' } },
    { ...networkArtefact(), window: 0 },
  ),
);

const validArtefact = fc.tuple(modelName, fc.boolean()).map(([name, network]) => (network ? networkArtefact(name) : baselineArtefact(name)));
const files = fc.oneof(
  { weight: 4, arbitrary: validArtefact.map((a) => toModelFiles(a)) },
  fc.constantFrom({ ...networkArtefact(), formatVersion: 2 }, { ...networkArtefact(), window: 0 }).map((a) => toModelFiles(a as ModelArtefact)),
  validArtefact.map((a) => ({ ...toModelFiles(a), weightsBase64: 'AAAA' })),
  fc.record({ modelJson: fc.oneof(fc.constantFrom('{}', '[]', 'null', '{"format":"graph-model"}'), fc.string({ maxLength: 40 })), weightsBase64: fc.constantFrom('', 'AAAA') }),
);

export function modelArgs(sandbox: string): Partial<Record<MethodName, fc.Arbitrary<unknown>>> {
  const folder = fc.constantFrom(join(sandbox, 'model-export'), join(sandbox, 'dev.devsim.yaml'), join(sandbox, 'no', 'such', 'dir'), 'relative/model', '');
  return {
    listModels: fc.oneof(fc.constant(undefined), fc.record({ purpose: fc.constantFrom('anomaly-detector', 'forecaster', 'oracle') }, { requiredKeys: [] })),
    getModel: fc.oneof(fc.record({ id: modelId }), fc.record({ name: modelName })),
    saveModel: fc.record({ artefact }),
    // Never the seeded ids, so the methods after this one still find them.
    deleteModel: fc.record({ id: fc.oneof(fc.constantFrom('model-missing', 'model-0'), fc.string({ maxLength: 12 })) }),
    exportModelFiles: fc.record({ id: modelId, path: folder }, { requiredKeys: ['id'] }),
    importModelFiles: files,
  };
}

/** Refusals by the world: no such model, weights that do not fit, a folder that cannot be written. */
export const MODEL_DOMAIN_ERRORS: Partial<Record<MethodName, ErrorCode[]>> = {
  getModel: ['NOT_FOUND'],
  saveModel: ['BAD_REQUEST'],
  exportModelFiles: ['NOT_FOUND', 'BAD_REQUEST'],
  importModelFiles: ['BAD_REQUEST'],
};
