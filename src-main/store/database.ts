import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, hasContent, inspectExisting } from './inspect.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import { StoreError } from './store-error.js';

export { StoreError } from './store-error.js';
export type Db = Database.Database;

export interface OpenOptions {
  /** A better_sqlite3.node built for another ABI (Electron's); default: the package's own. */
  nativeBinding?: string;
  /** The schema's migrations, oldest first; default: the app's. Tests pass their own. */
  migrations?: readonly Migration[];
}

/**
 * Opens (or creates) the app's database in WAL mode and brings its schema up to date.
 * A file that is not a database, is damaged, belongs to another program or was written
 * by a newer version of the app is refused with a StoreError and left exactly as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  mkdirSync(dirname(file), { recursive: true });
  // Judge an existing file before any connection that could write to it.
  if (hasContent(file)) inspectExisting(file, migrations.length, options.nativeBinding);

  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw new StoreError(`Cannot open the database ${file}: ${(err as Error).message}`, file);
  }
  try {
    configure(db);
    migrate(db, migrations, file);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`Cannot use the database ${file}: ${(err as Error).message}`, file);
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  // In WAL mode a commit is safe from an app crash (kill -9) even with NORMAL; FULL also
  // syncs the WAL on every commit, so a committed change survives power loss too.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Runs each pending migration in its own transaction, so a failure leaves the last good
 * version. The version is read inside the (immediate, so write-locked) transaction: two
 * processes opening a new file at once do not both run a step.
 */
function migrate(db: Db, migrations: readonly Migration[], file: string): void {
  let version = 0;
  const step = db.transaction((): boolean => {
    version = db.pragma('user_version', { simple: true }) as number;
    const migration = migrations[version];
    if (migration === undefined) return false;
    if (typeof migration === 'string') db.exec(migration);
    else migration(db);
    db.pragma(`user_version = ${version + 1}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    return true;
  });
  try {
    while (step.immediate()) {
      // one schema version per transaction
    }
  } catch (err) {
    throw new StoreError(
      `Cannot upgrade the database ${file} to schema ${version + 1}: ${(err as Error).message}. It was left at schema ${version}.`,
      file,
    );
  }
  // A file from before application_id was stamped: ours by its schema, so stamp it now.
  if ((db.pragma('application_id', { simple: true }) as number) === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
}
