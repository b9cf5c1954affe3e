import type Database from 'better-sqlite3';

/** One step of the schema: SQL to run, or a function for steps SQL alone cannot express. */
export type Migration = string | ((db: Database.Database) => void);

/**
 * Schema versions, in order. Version N is reached by running migration N-1; the number
 * lives in SQLite's user_version. Never edit a shipped migration: add the next one.
 */
export const MIGRATIONS: readonly Migration[] = [
  // 1: settings and recent documents
  `CREATE TABLE settings (
     key   TEXT PRIMARY KEY,
     value TEXT NOT NULL
   ) STRICT;
   CREATE TABLE recent_documents (
     path      TEXT PRIMARY KEY,
     name      TEXT NOT NULL,
     opened_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX recent_documents_opened ON recent_documents (opened_at DESC);`,
  // 2: autosaved text of open documents, for recovery after a crash
  `CREATE TABLE autosaves (
     key      TEXT PRIMARY KEY,
     path     TEXT,
     name     TEXT NOT NULL,
     text     TEXT NOT NULL,
     saved_at TEXT NOT NULL
   ) STRICT;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
