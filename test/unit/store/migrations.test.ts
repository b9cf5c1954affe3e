import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, StoreError, type Db } from '../../../src-main/store/database.js';
import { APPLICATION_ID } from '../../../src-main/store/inspect.js';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../../src-main/store/migrations.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'devsim-migrate-'));
  file = join(dir, 'test.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const version = (db: Db): number => db.pragma('user_version', { simple: true }) as number;
const log = (db: Db): string[] => db.prepare('SELECT step FROM log ORDER BY rowid').pluck().all() as string[];

// A fake schema history: each step records itself, so order and repetition are visible.
const v1: Migration = "CREATE TABLE log (step TEXT NOT NULL); INSERT INTO log VALUES ('v1');";
const v2: Migration = "INSERT INTO log VALUES ('v2'); CREATE TABLE things (id INTEGER PRIMARY KEY);";
const v3: Migration = (db) => {
  db.prepare("INSERT INTO log VALUES ('v3')").run();
  db.exec('ALTER TABLE things ADD COLUMN name TEXT');
};

describe('migrations', () => {
  it('the app ships a numbered list whose length is the schema version', () => {
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('a new file runs every step in order, once, and records the version and our application id', () => {
    const db = openDatabase(file, { migrations: [v1, v2, v3] });
    expect(version(db)).toBe(3);
    expect(log(db)).toEqual(['v1', 'v2', 'v3']);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
    const again = openDatabase(file, { migrations: [v1, v2, v3] });
    expect(log(again)).toEqual(['v1', 'v2', 'v3']);
    again.close();
  });

  it('an older file runs only the steps it lacks', () => {
    openDatabase(file, { migrations: [v1] }).close();
    const db = openDatabase(file, { migrations: [v1, v2, v3] });
    expect(version(db)).toBe(3);
    expect(log(db)).toEqual(['v1', 'v2', 'v3']);
    db.close();
  });

  it('a failing step is rolled back whole and the file stays at the last good version', () => {
    openDatabase(file, { migrations: [v1] }).close();
    const broken: Migration = "INSERT INTO log VALUES ('v3-half'); SELECT * FROM no_such_table;";
    let caught: unknown;
    try {
      openDatabase(file, { migrations: [v1, v2, broken] });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).message).toMatch(/to schema 3: .*no such table.*left at schema 2/);
    expect((caught as StoreError).message).toContain(file);
    // v2 committed in its own transaction; the broken step left nothing.
    const db = openDatabase(file, { migrations: [v1, v2] });
    expect(version(db)).toBe(2);
    expect(log(db)).toEqual(['v1', 'v2']);
    db.close();
  });

  it('the database is in WAL mode with full sync and foreign keys on', () => {
    const db = openDatabase(file, { migrations: [v1] });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('a file another open connection already migrated is not migrated again', () => {
    const a = openDatabase(file, { migrations: [v1] });
    const b = openDatabase(file, { migrations: [v1, v2] });
    const c = openDatabase(file, { migrations: [v1, v2] });
    expect(log(c)).toEqual(['v1', 'v2']);
    for (const db of [a, b, c]) db.close();
  });
});
