import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../src-main/store/database.js';
import { SCHEMA_VERSION } from '../../../src-main/store/migrations.js';
import { DATABASE_FILE, Store } from '../../../src-main/store/store.js';
import { snapshot } from './fixtures/files.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'devsim-refuse-'));
  file = join(dir, DATABASE_FILE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Store.open must throw a StoreError that names the file and says it was not changed. */
function expectRefused(pattern: RegExp): StoreError {
  let caught: unknown;
  try {
    Store.open(dir).close();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(StoreError);
  const error = caught as StoreError;
  expect(error.code).toBe('STORAGE');
  expect(error.where).toBe(file);
  expect(error.message).toContain(file);
  expect(error.message).toMatch(/not changed/);
  expect(error.message).toMatch(pattern);
  return error;
}

/**
 * Every file that was there keeps its bytes. A read-only look at a WAL-mode file may leave
 * SQLite's -shm index and an empty -wal beside it, which change nothing in the database.
 */
function expectUnchanged(before: Record<string, string>): void {
  const after = snapshot(dir);
  for (const [name, hash] of Object.entries(before)) expect(after[name], name).toBe(hash);
  const added = Object.keys(after).filter((name) => !(name in before));
  for (const name of added) {
    expect([`${DATABASE_FILE}-shm`, `${DATABASE_FILE}-wal`]).toContain(name);
    if (name.endsWith('-wal')) expect(statSync(join(dir, name)).size, name).toBe(0);
  }
}

/** A real store with some data, closed cleanly; returns its bytes. */
function makeGoodStore(): Buffer {
  const store = Store.open(dir);
  for (let i = 0; i < 40; i++) store.recent.add(`/docs/${i}.devsim.yaml`);
  store.db.exec(`CREATE TABLE filler (x BLOB); ${'INSERT INTO filler VALUES (randomblob(3000));'.repeat(60)}`);
  store.close();
  return readFileSync(file);
}

describe('Store refuses files it must not touch, and leaves them as they were', () => {
  it('a file of random bytes', () => {
    writeFileSync(file, randomBytes(64 * 1024));
    const before = snapshot(dir);
    expectRefused(/not a DevOps Simulator database/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a text file', () => {
    writeFileSync(file, 'theme = dark\nthis is not a database\n');
    const before = snapshot(dir);
    expectRefused(/not a SQLite file/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a database truncated in the middle of its pages', () => {
    const bytes = makeGoodStore();
    expect(bytes.length).toBeGreaterThan(100_000);
    truncateSync(file, Math.floor(bytes.length / 2));
    const before = snapshot(dir);
    expectRefused(/damaged/);
    expectUnchanged(before);
  });

  it('a database cut down to part of its header', () => {
    makeGoodStore();
    truncateSync(file, 60);
    const before = snapshot(dir);
    expectRefused(/damaged/);
    expectUnchanged(before);
  });

  it('a database with a damaged page', () => {
    const bytes = makeGoodStore();
    const pageSize = bytes.readUInt16BE(16);
    // Overwrite the third page (a b-tree page) with noise.
    randomBytes(pageSize).copy(bytes, 2 * pageSize);
    writeFileSync(file, bytes);
    const before = snapshot(dir);
    expectRefused(/damaged/);
    expectUnchanged(before);
  });

  it('a database from a newer schema version', () => {
    makeGoodStore();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = snapshot(dir);
    expectRefused(new RegExp(`newer version .*schema ${SCHEMA_VERSION + 1}, this version knows up to ${SCHEMA_VERSION}`));
    expectUnchanged(before);
  });

  it('a newer database whose last writes are still in its WAL (the newer app crashed): no checkpoint into the file', () => {
    makeGoodStore();
    const writer = new Database(file);
    writer.pragma('wal_autocheckpoint = 0');
    writer.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    writer.exec("INSERT INTO settings (key, value) VALUES ('fromTheFuture', '1')");
    // Copy the files while the writer is open: exactly what a crash leaves behind.
    const crashed = mkdtempSync(join(tmpdir(), 'devsim-crashed-'));
    try {
      copyFileSync(file, join(crashed, DATABASE_FILE));
      copyFileSync(`${file}-wal`, join(crashed, `${DATABASE_FILE}-wal`));
      writer.close();
      rmSync(dir, { recursive: true, force: true });
      dir = crashed;
      file = join(dir, DATABASE_FILE);
      const before = snapshot(dir);
      expect(Object.keys(before)).toEqual([DATABASE_FILE, `${DATABASE_FILE}-wal`]);
      expectRefused(/newer version/);
      expectUnchanged(before);
    } finally {
      rmSync(crashed, { recursive: true, force: true });
    }
  });

  it("another program's SQLite database", () => {
    const db = new Database(file);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
    db.close();
    const before = snapshot(dir);
    expectRefused(/belongs to another program/);
    expectUnchanged(before);
  });

  it('an empty file is a new database, as SQLite treats it', () => {
    writeFileSync(file, '');
    const store = Store.open(dir);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    store.close();
  });
});
