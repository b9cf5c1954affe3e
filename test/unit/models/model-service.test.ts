import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../src-preload/contract/index.js';
import { ModelService } from '../../../src-main/models/model-service.js';
import { Store } from '../../../src-main/store/store.js';
import { baselineArtefact, networkArtefact, weightBytes } from './fixtures/artefact.js';

let dir: string;
let store: Store;
let models: ModelService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'devsim-model-service-'));
  store = Store.open(join(dir, 'data'));
  models = new ModelService(store.models);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const refusal = (fn: () => unknown): ContractError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ContractError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('model service', () => {
  it('refuses weights that do not match the weight specs, naming the field and both sizes', () => {
    const short = networkArtefact();
    short.tfjs!.weightsBase64 = weightBytes().subarray(0, 28).toString('base64');
    expect(refusal(() => models.save(short))).toMatchObject({
      code: 'BAD_REQUEST',
      where: 'artefact.tfjs.weightsBase64',
      message: 'artefact.tfjs.weightsBase64 holds 28 bytes; the weight specs need 32 (float32, in order)',
    });
    const notBase64 = networkArtefact();
    notBase64.tfjs!.weightsBase64 = 'ab$d';
    expect(refusal(() => models.save(notBase64)).message).toBe('artefact.tfjs.weightsBase64 is not base64');
    expect(store.models.list().models).toEqual([]);
  });

  it('answers NOT_FOUND for an id or a name with no model', () => {
    expect(refusal(() => models.get({ id: 'model-missing' }))).toMatchObject({ code: 'NOT_FOUND', where: 'id' });
    expect(refusal(() => models.get({ name: 'ghost' }))).toMatchObject({ code: 'NOT_FOUND', message: 'There is no model called "ghost".' });
  });

  it('exports a folder with model.json and weights.bin (desktop), byte for byte the stored weights', () => {
    const { id } = models.save(networkArtefact());
    const folder = join(dir, 'exports', 'detector-v1');
    const result = models.exportFiles(id, folder);
    expect(result).toEqual({ written: [join(folder, 'weights.bin'), join(folder, 'model.json')] });
    expect(readdirSync(folder).sort()).toEqual(['model.json', 'weights.bin']);
    expect(readFileSync(join(folder, 'weights.bin')).equals(weightBytes())).toBe(true);
    const json = JSON.parse(readFileSync(join(folder, 'model.json'), 'utf8')) as { userDefinedMetadata: { devsim: { name: string } } };
    expect(json.userDefinedMetadata.devsim.name).toBe('api-latency-detector');
  });

  it('refuses a relative export path and a folder it cannot write, naming the path', () => {
    const { id } = models.save(networkArtefact());
    expect(refusal(() => models.exportFiles(id, 'relative/folder'))).toMatchObject({ code: 'BAD_REQUEST', where: 'path' });
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    expect(refusal(() => models.exportFiles(id, file))).toMatchObject({ code: 'BAD_REQUEST', where: file });
  });

  it('export (browser download) then import stores the next version with bit-identical weights', () => {
    const first = models.save(networkArtefact());
    const { files, written } = models.exportFiles(first.id);
    expect(written).toEqual([]);
    const imported = models.importFiles(files!);
    expect([imported.name, imported.version]).toEqual(['api-latency-detector', 2]);
    const { id: _a, version: _b, createdAt: _c, ...back } = models.get({ id: imported.id });
    expect(back).toEqual(networkArtefact());
    expect(Buffer.from(back.tfjs!.weightsBase64, 'base64').equals(weightBytes())).toBe(true);
  });

  it('export written to disk then read back from the files imports the same model', () => {
    const { id } = models.save(baselineArtefact());
    const folder = join(dir, 'baseline');
    expect(models.exportFiles(id, folder).written).toEqual([join(folder, 'model.json')]);
    const imported = models.importFiles({ modelJson: readFileSync(join(folder, 'model.json'), 'utf8'), weightsBase64: '' });
    const { id: _a, version, createdAt: _c, ...back } = models.get({ id: imported.id });
    expect([back, version]).toEqual([baselineArtefact(), 2]);
  });

  it('refuses to import a file from another format version, naming formatVersion and the number found, and stores nothing', () => {
    const { id } = models.save(networkArtefact());
    const { files } = models.exportFiles(id);
    const newer = editJson(files!.modelJson, (json) => (json.userDefinedMetadata.devsim.formatVersion = 3));
    const error = refusal(() => models.importFiles({ ...files!, modelJson: newer }));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', where: 'model.json.formatVersion', message: expect.stringMatching(/formatVersion is 3; .*reads format 1 only/) as string });
    expect(store.models.list().models).toHaveLength(1);
  });

  it('refuses imported files that are not this app\'s model, naming the file and field', () => {
    const { id } = models.save(networkArtefact());
    const { files } = models.exportFiles(id);
    expect(refusal(() => models.importFiles({ ...files!, weightsBase64: Buffer.alloc(8).toString('base64') }))).toMatchObject({
      where: 'weights.bin',
      message: expect.stringContaining('holds 8 bytes') as string,
    });
    expect(refusal(() => models.importFiles({ ...files!, weightsBase64: 'AA$A' }))).toMatchObject({ where: 'weightsBase64', message: 'weightsBase64 is not base64' });
    expect(refusal(() => models.importFiles({ ...files!, modelJson: '{"modelTopology":' })).message).toMatch(/model.json is not JSON/);
    const plainTfjs = editJson(files!.modelJson, (json) => delete (json as { userDefinedMetadata?: unknown }).userDefinedMetadata);
    expect(refusal(() => models.importFiles({ ...files!, modelJson: plainTfjs }))).toMatchObject({ where: 'model.json.userDefinedMetadata.devsim' });
    const badSpec = editJson(files!.modelJson, (json) => (json.weightsManifest[0]!.weights[0]!.dtype = 'int32'));
    expect(refusal(() => models.importFiles({ ...files!, modelJson: badSpec })).where).toBe('model.json.tfjs.weightSpecs.0.dtype');
    expect(store.models.list().models).toHaveLength(1);
  });

  it('refuses to save a network architecture without its network', () => {
    const { tfjs: _tfjs, ...noNetwork } = networkArtefact();
    expect(refusal(() => models.save(noNetwork))).toMatchObject({ code: 'BAD_REQUEST', where: 'artefact.tfjs' });
  });
});

interface ModelJson {
  userDefinedMetadata: { devsim: { formatVersion: number } };
  weightsManifest: { weights: { dtype: string }[] }[];
}

function editJson(text: string, edit: (json: ModelJson) => void): string {
  const json = JSON.parse(text) as ModelJson;
  edit(json);
  return JSON.stringify(json);
}
