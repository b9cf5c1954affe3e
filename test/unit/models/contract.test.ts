// The model methods end to end over the browser-mode host: a real WebSocket on 127.0.0.1,
// the contract's parsing on both sides of the dispatcher, and real SQLite underneath.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods, type MethodName, type MethodResult, type Reply } from '../../../src-preload/contract/index.js';
import { startFixture, TestClient, type Fixture } from '../host/web-fixture.js';
import { networkArtefact, weightBytes } from './fixtures/artefact.js';

let fx: Fixture;
let client: TestClient;
beforeEach(async () => {
  fx = await startFixture();
  client = await TestClient.open(fx.wsUrl(), fx.origin);
});
afterEach(async () => {
  client.close();
  await fx.close();
});

function resultOf<M extends MethodName>(method: M, reply: Reply): MethodResult<M> {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return methods[method].result.parse(reply.result) as MethodResult<M>;
}
const errorOf = (reply: Reply) => (reply.ok ? undefined : reply.error);

describe('model methods over the browser-mode host', () => {
  it('save → list → get → export → import → delete', async () => {
    const saved = resultOf('saveModel', await client.call('saveModel', { artefact: networkArtefact('contract-model') }));
    expect([saved.name, saved.version, saved.weightBytes]).toEqual(['contract-model', 1, 32]);

    const list = resultOf('listModels', await client.call('listModels'));
    expect(list).toEqual({ models: [saved], damaged: [] });
    expect(resultOf('listModels', await client.call('listModels', { purpose: 'forecaster' })).models).toEqual([]);

    const model = resultOf('getModel', await client.call('getModel', { name: 'contract-model' }));
    expect(Buffer.from(model.tfjs!.weightsBase64, 'base64').equals(weightBytes())).toBe(true);

    const exported = resultOf('exportModelFiles', await client.call('exportModelFiles', { id: saved.id }));
    expect(exported.written).toEqual([]);
    const imported = resultOf('importModelFiles', await client.call('importModelFiles', exported.files));
    expect([imported.name, imported.version]).toEqual(['contract-model', 2]);

    expect(resultOf('deleteModel', await client.call('deleteModel', { id: saved.id }))).toEqual({ deleted: true });
    expect(resultOf('listModels', await client.call('listModels')).models.map((m) => m.id)).toEqual([imported.id]);
    expect(errorOf(await client.call('getModel', { id: saved.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a model of another format version at the contract, naming formatVersion and the number', async () => {
    const error = errorOf(await client.call('saveModel', { artefact: { ...networkArtefact(), formatVersion: 2 } }));
    expect(error?.code).toBe('BAD_REQUEST');
    expect(error?.message).toContain('args.artefact.formatVersion: this app reads model format version 1; the model is format version 2');
  });

  it('refuses bad ids and relative export paths before touching the store', async () => {
    expect(errorOf(await client.call('getModel', { id: '../etc' }))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(errorOf(await client.call('deleteModel', { id: 'model-x', extra: 1 }))).toMatchObject({ code: 'BAD_REQUEST' });
    const { id } = resultOf('saveModel', await client.call('saveModel', { artefact: networkArtefact() }));
    expect(errorOf(await client.call('exportModelFiles', { id, path: 'models/out' }))).toMatchObject({ code: 'BAD_REQUEST', where: 'path' });
  });

  it('a damaged row answers STORAGE naming the model and field, and the list still loads', async () => {
    const good = resultOf('saveModel', await client.call('saveModel', { artefact: networkArtefact('good') }));
    const bad = resultOf('saveModel', await client.call('saveModel', { artefact: networkArtefact('bad') }));
    fx.app.ctx.store.db.prepare("UPDATE models SET artefact = 'oops' WHERE id = ?").run(bad.id);
    const error = errorOf(await client.call('getModel', { id: bad.id }));
    expect(error?.code).toBe('STORAGE');
    expect(error?.message).toMatch(new RegExp(`"bad" version 1 \\(${bad.id}\\) is damaged at artefact: not JSON`));
    const list = resultOf('listModels', await client.call('listModels'));
    expect(list.models.map((m) => m.id)).toEqual([good.id]);
    expect(list.damaged).toMatchObject([{ id: bad.id, name: 'bad', field: 'artefact' }]);
  });
});
