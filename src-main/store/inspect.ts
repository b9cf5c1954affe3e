import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from './store-error.js';

/** SQLite's application_id for our files ("DVSM"), so another program's database is never adopted. */
export const APPLICATION_ID = 0x4456534d;

const SQLITE_MAGIC = 'SQLite format 3\0';
const LEAVE_IT = 'Move it aside (or restore a backup) to start fresh; it was not changed.';

export interface FileFacts {
  userVersion: number;
  applicationId: number;
}

/** True when the file exists with content; an empty file is a new database to SQLite too. */
export function hasContent(file: string): boolean {
  try {
    return statSync(file).size > 0;
  } catch {
    return false;
  }
}

/**
 * Looks at an existing database through a read-only connection, so nothing is written,
 * replayed or checkpointed into a file we end up refusing. Throws a StoreError when the
 * file is not a SQLite database, is damaged, belongs to another program or to a newer
 * version of the app.
 */
export function inspectExisting(file: string, knownVersion: number, nativeBinding?: string): FileFacts {
  if (readHeader(file) !== SQLITE_MAGIC) {
    throw new StoreError(`The file ${file} is not a DevOps Simulator database (not a SQLite file). ${LEAVE_IT}`, file);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw new StoreError(`Cannot open the database ${file}: ${(err as Error).message}. ${LEAVE_IT}`, file);
  }
  try {
    return judge(db, file, knownVersion);
  } finally {
    db.close();
  }
}

function judge(db: Database.Database, file: string, knownVersion: number): FileFacts {
  let check: string;
  try {
    check = db.pragma('quick_check', { simple: true }) as string;
  } catch (err) {
    throw new StoreError(`The database ${file} is damaged (${(err as Error).message}). ${LEAVE_IT}`, file);
  }
  if (check !== 'ok') throw new StoreError(`The database ${file} is damaged (${check}). ${LEAVE_IT}`, file);

  const userVersion = db.pragma('user_version', { simple: true }) as number;
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const objects = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
  const foreign =
    (applicationId !== 0 && applicationId !== APPLICATION_ID) || (applicationId === 0 && userVersion === 0 && objects > 0);
  if (foreign) {
    throw new StoreError(`The database ${file} belongs to another program, not DevOps Simulator. ${LEAVE_IT}`, file);
  }
  if (userVersion > knownVersion) {
    throw new StoreError(
      `The database ${file} was written by a newer version of DevOps Simulator (schema ${userVersion}, this version knows up to ${knownVersion}). Update the app, or move the file aside to start fresh; it was not changed.`,
      file,
    );
  }
  return { userVersion, applicationId };
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_MAGIC.length);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}
