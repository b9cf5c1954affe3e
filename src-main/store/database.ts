import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ContractError } from '../../src-preload/contract/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** A better_sqlite3.node built for another ABI (Electron's); default: the package's own. */
  nativeBinding?: string;
}

/** The store's file could not be used; the message says which file and what to do. */
export class StoreError extends ContractError {
  constructor(message: string, file: string) {
    super('STORAGE', message, file);
    this.name = 'StoreError';
  }
}

/**
 * Opens (or creates) the app's database in WAL mode and brings its schema up to date.
 * A file that is not a database, is damaged, or was written by a newer version of the
 * app is refused with a StoreError and left exactly as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw new StoreError(`Cannot open the database ${file}: ${(err as Error).message}`, file);
  }
  try {
    checkReadable(db, file);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StoreError(
        `The database ${file} was written by a newer version of DevOps Simulator (schema ${version}, this version knows up to ${SCHEMA_VERSION}). Update the app, or move the file aside to start fresh; it was not changed.`,
        file,
      );
    }
    db.pragma('journal_mode = WAL');
    // NORMAL is durable against a crash of the app (WAL); FULL also against power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, version);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`Cannot use the database ${file}: ${(err as Error).message}. It was not changed.`, file);
  }
}

function checkReadable(db: Db, file: string): void {
  let result: string;
  try {
    result = db.pragma('quick_check', { simple: true }) as string;
  } catch (err) {
    throw new StoreError(
      `The database ${file} is not a DevOps Simulator database or is damaged (${(err as Error).message}). Move it aside to start fresh; it was not changed.`,
      file,
    );
  }
  if (result !== 'ok') {
    throw new StoreError(`The database ${file} is damaged (${result}). Move it aside to start fresh; it was not changed.`, file);
  }
}

function migrate(db: Db, from: number): void {
  for (let version = from; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
