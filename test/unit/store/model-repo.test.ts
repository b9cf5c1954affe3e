import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { modelSummarySchema, storedModelSchema } from '../../../src-preload/contract/index.js';
import { ModelRowError } from '../../../src-main/store/model-row-error.js';
import { Store } from '../../../src-main/store/store.js';
import { baselineArtefact, networkArtefact, WEIGHT_BITS } from '../models/fixtures/artefact.js';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'devsim-models-'));
  store = Store.open(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const bitsOf = (base64: string): number[] => {
  const bytes = Buffer.from(base64, 'base64');
  return Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readUInt32LE(i * 4));
};

describe('model repo (real SQLite file)', () => {
  it('round-trips a model with bit-identical weights, after closing and reopening the file', () => {
    const saved = store.models.save(networkArtefact());
    store.close();
    store = Store.open(dir);
    const model = store.models.get(saved.id)!;
    expect(storedModelSchema.parse(model)).toEqual(model);
    expect(bitsOf(model.tfjs!.weightsBase64)).toEqual(WEIGHT_BITS);
    const { id, version, createdAt, ...artefact } = model;
    expect(artefact).toEqual(networkArtefact());
    expect([id, version, createdAt]).toEqual([saved.id, 1, saved.createdAt]);
  });

  it('keeps the weights as one BLOB and the artefact JSON without them', () => {
    const { id } = store.models.save(networkArtefact());
    const row = store.db.prepare('SELECT artefact, weights, weight_bytes FROM models WHERE id = ?').get(id) as { artefact: string; weights: Buffer; weight_bytes: number };
    expect(row.weight_bytes).toBe(WEIGHT_BITS.length * 4);
    expect(row.weights.byteLength).toBe(WEIGHT_BITS.length * 4);
    expect(row.artefact).not.toContain('weightsBase64');
    expect(JSON.parse(row.artefact)).toHaveProperty('tfjs.weightSpecs');
  });

  it('saving a name again makes the next version; getLatest finds the newest', () => {
    const v1 = store.models.save(networkArtefact('detector'));
    const v2 = store.models.save(networkArtefact('detector', { threshold: 0.6 }));
    const other = store.models.save(networkArtefact('other'));
    expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);
    expect(v2.id).not.toBe(v1.id);
    const latest = store.models.getLatest('detector')!;
    expect([latest.id, latest.version, latest.threshold]).toEqual([v2.id, 2, 0.6]);
    expect(store.models.get(v1.id)!.threshold).toBe(0.8);
    expect(store.models.getLatest('nobody')).toBeUndefined();
  });

  it('lists summaries without weights, newest first, optionally by purpose', () => {
    const a = store.models.save(networkArtefact('a'), '2026-01-01T00:00:00.000Z');
    const b1 = store.models.save(baselineArtefact('b'), '2026-01-02T00:00:00.000Z');
    const b2 = store.models.save({ ...baselineArtefact('b'), purpose: 'forecaster', architecture: 'seasonal-naive' }, '2026-01-03T00:00:00.000Z');
    const list = store.models.list();
    expect(list.damaged).toEqual([]);
    expect(list.models.map((m) => [m.name, m.version])).toEqual([['b', 2], ['b', 1], ['a', 1]]);
    for (const summary of list.models) {
      expect(modelSummarySchema.parse(summary)).toEqual(summary);
      expect(summary).not.toHaveProperty('tfjs');
    }
    expect(list.models.find((m) => m.id === a.id)!.weightBytes).toBe(WEIGHT_BITS.length * 4);
    expect(list.models.find((m) => m.id === b1.id)!.weightBytes).toBe(0);
    expect(store.models.list('forecaster').models.map((m) => m.id)).toEqual([b2.id]);
    expect(store.models.list('autoscaler-policy').models).toEqual([]);
  });

  it('stores a model without a network (no weights) and reads it back', () => {
    const { id } = store.models.save(baselineArtefact());
    const { id: _id, version: _v, createdAt: _c, ...artefact } = store.models.get(id)!;
    expect(artefact).toEqual(baselineArtefact());
  });

  it('deletes one model and says whether there was one', () => {
    const v1 = store.models.save(networkArtefact('x'));
    const v2 = store.models.save(networkArtefact('x'));
    expect(store.models.delete(v2.id)).toBe(true);
    expect(store.models.delete(v2.id)).toBe(false);
    expect(store.models.get(v2.id)).toBeUndefined();
    expect(store.models.getLatest('x')!.id).toBe(v1.id);
    // The next save takes the next number after the highest still stored.
    expect(store.models.save(networkArtefact('x')).version).toBe(2);
  });

  it('a row with bad JSON gives a ModelRowError naming the model and field; the rest still list', () => {
    const good = store.models.save(networkArtefact('good'));
    const bad = store.models.save(networkArtefact('bad'));
    store.db.prepare("UPDATE models SET artefact = '{not json' WHERE id = ?").run(bad.id);
    const error = catchError(() => store.models.get(bad.id));
    expect(error).toBeInstanceOf(ModelRowError);
    expect(error).toMatchObject({ code: 'STORAGE', modelId: bad.id, modelName: 'bad', field: 'artefact' });
    expect((error as Error).message).toMatch(/"bad" version 1 .* damaged at artefact: not JSON/);
    const list = store.models.list();
    expect(list.models.map((m) => m.id)).toEqual([good.id]);
    expect(list.damaged).toEqual([{ id: bad.id, name: 'bad', version: 1, field: 'artefact', message: expect.stringContaining('not JSON') as string }]);
  });

  it('a row whose artefact breaks the schema names the field', () => {
    const { id } = store.models.save(networkArtefact('m'));
    store.db.prepare("UPDATE models SET artefact = json_set(artefact, '$.dataset.window', -4) WHERE id = ?").run(id);
    expect(catchError(() => store.models.getLatest('m'))).toMatchObject({ field: 'artefact.dataset.window' });
    expect(store.models.list().damaged).toMatchObject([{ id, field: 'artefact.dataset.window' }]);
  });

  it('a row from another format version names formatVersion and the number found', () => {
    const { id } = store.models.save(networkArtefact('m'));
    store.db.prepare("UPDATE models SET artefact = json_set(artefact, '$.formatVersion', 2) WHERE id = ?").run(id);
    const error = catchError(() => store.models.get(id)) as ModelRowError;
    expect(error.field).toBe('artefact.formatVersion');
    expect(error.message).toContain('format version 2');
  });

  it('weights cut short are a damaged row, not wrong numbers', () => {
    const { id } = store.models.save(networkArtefact('m'));
    store.db.prepare('UPDATE models SET weights = substr(weights, 1, 12) WHERE id = ?').run(id);
    const error = catchError(() => store.models.get(id)) as ModelRowError;
    expect([error.field, error.message]).toEqual(['weights', expect.stringContaining('12 bytes where the weight specs need 32')]);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}
