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
  // 3: simulation runs with their series frames (one Float64Array BLOB each) and event logs
  `CREATE TABLE runs (
     id             TEXT PRIMARY KEY,
     name           TEXT NOT NULL,
     created_at     TEXT NOT NULL,
     document       TEXT NOT NULL,
     seed           INTEGER NOT NULL,
     parameters     TEXT NOT NULL,
     state          TEXT NOT NULL,
     simulated_ms   REAL NOT NULL DEFAULT 0,
     end_ms         REAL NOT NULL,
     events         INTEGER NOT NULL DEFAULT 0,
     summary        TEXT,
     error          TEXT,
     stop_reason    TEXT,
     series_layout  TEXT NOT NULL,
     frames_dropped INTEGER NOT NULL DEFAULT 0,
     events_dropped INTEGER NOT NULL DEFAULT 0
   ) STRICT;
   CREATE INDEX runs_created ON runs (created_at DESC);
   CREATE TABLE run_frames (
     run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
     t_ms   REAL NOT NULL,
     vals   BLOB NOT NULL,
     PRIMARY KEY (run_id, t_ms)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE run_events (
     run_id   TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
     seq      INTEGER NOT NULL,
     t_ms     REAL NOT NULL,
     type     TEXT NOT NULL,
     target   TEXT,
     severity TEXT NOT NULL,
     message  TEXT NOT NULL,
     data     TEXT,
     PRIMARY KEY (run_id, seq)
   ) STRICT;
   CREATE INDEX run_events_time ON run_events (run_id, t_ms);`,
  // 4: trained models (ML lab): the artefact as JSON without its weights, the weights as one
  // BLOB of float32s. UNIQUE (name, version) is also the index by name (latest = its last entry).
  `CREATE TABLE models (
     id           TEXT PRIMARY KEY,
     name         TEXT NOT NULL,
     version      INTEGER NOT NULL,
     purpose      TEXT NOT NULL,
     architecture TEXT NOT NULL,
     created_at   TEXT NOT NULL,
     artefact     TEXT NOT NULL,
     weights      BLOB,
     weight_bytes INTEGER NOT NULL DEFAULT 0,
     UNIQUE (name, version)
   ) STRICT;
   CREATE INDEX models_created ON models (created_at DESC);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
