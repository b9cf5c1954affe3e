import type { Autosave } from '../../src-preload/contract/index.js';
import type { Db } from './database.js';

/** The last autosaved text of each open document; a crash loses only what came after it. */
export class AutosaveRepo {
  private readonly upsert;
  private readonly selectAll;
  private readonly remover;

  constructor(db: Db) {
    this.upsert = db.prepare<[string, string | null, string, string, string]>(
      `INSERT INTO autosaves (key, path, name, text, saved_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET path = excluded.path, name = excluded.name, text = excluded.text, saved_at = excluded.saved_at`,
    );
    this.selectAll = db.prepare<[], { key: string; path: string | null; name: string; text: string; saved_at: string }>(
      'SELECT key, path, name, text, saved_at FROM autosaves ORDER BY saved_at DESC',
    );
    this.remover = db.prepare<[string]>('DELETE FROM autosaves WHERE key = ?');
  }

  save(entry: Omit<Autosave, 'savedAt'>, now: Date = new Date()): string {
    const savedAt = now.toISOString();
    this.upsert.run(entry.key, entry.path, entry.name, entry.text, savedAt);
    return savedAt;
  }

  list(): Autosave[] {
    return this.selectAll.all().map((r) => ({ key: r.key, path: r.path, name: r.name, text: r.text, savedAt: r.saved_at }));
  }

  discard(key: string): void {
    this.remover.run(key);
  }
}
