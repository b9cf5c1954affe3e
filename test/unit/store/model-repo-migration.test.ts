import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/database.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src-main/store/migrations.js';
import { RunRepo } from '../../../src-main/store/run-repo.js';
import { DATABASE_FILE, Store } from '../../../src-main/store/store.js';
import { networkArtefact } from '../models/fixtures/artefact.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'devsim-models-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The schema before the models table: the last one shipped without it. */
const BEFORE_MODELS = MIGRATIONS.findIndex((m) => typeof m === 'string' && m.includes('CREATE TABLE models'));

describe('models migration on an existing database file', () => {
  it('adds the models table and keeps the runs, their frames and events intact', () => {
    expect(BEFORE_MODELS).toBeGreaterThan(0);
    const old = openDatabase(join(dir, DATABASE_FILE), { migrations: MIGRATIONS.slice(0, BEFORE_MODELS) });
    const runs = new RunRepo(old);
    runs.create({
      id: 'run-before-models',
      name: 'kept',
      createdAt: '2026-01-01T00:00:00.000Z',
      document: { nodes: [] },
      seed: 7,
      parameters: { durationS: 60, warmupS: 0, speed: 'max', seriesIntervalS: 15 },
      state: 'completed',
      endMs: 60_000,
      layout: { intervalMs: 15_000, nodes: ['api'], metrics: ['rps', 'p95'] },
    });
    runs.append('run-before-models', [{ tMs: 0, values: new Float64Array([1.5, Number.NaN]) }, { tMs: 15_000, values: new Float64Array([2.5, 40]) }], [
      { tMs: 5, type: 'fault', target: 'api', severity: 'warning', message: 'pod killed', data: { n: 1 } },
    ]);
    const before = { info: runs.get('run-before-models'), series: runs.series('run-before-models', { limit: 10 }), events: runs.events('run-before-models', { limit: 10 }) };
    expect(old.pragma('user_version', { simple: true })).toBe(BEFORE_MODELS);
    expect(old.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'models'").pluck().get()).toBe(0);
    old.close();

    const store = Store.open(dir);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(store.runs.get('run-before-models')).toEqual(before.info);
      expect(store.runs.series('run-before-models', { limit: 10 })).toEqual(before.series);
      expect(store.runs.events('run-before-models', { limit: 10 })).toEqual(before.events);
      expect(store.runs.document('run-before-models')).toEqual({ nodes: [] });
      const saved = store.models.save(networkArtefact());
      expect(store.models.list().models.map((m) => m.id)).toEqual([saved.id]);
    } finally {
      store.close();
    }
  });
});
