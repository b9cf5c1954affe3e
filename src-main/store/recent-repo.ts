import { basename } from 'node:path';
import type { RecentDocument } from '../../src-preload/contract/index.js';
import type { Db } from './database.js';

/** How many recent documents are kept; older ones fall off. */
export const RECENT_LIMIT = 15;

export class RecentRepo {
  private readonly selectAll;
  private readonly upsert;
  private readonly trim;
  private readonly remover;
  private readonly clearer;

  constructor(private readonly db: Db) {
    this.selectAll = db.prepare<[], { path: string; name: string; opened_at: string }>(
      'SELECT path, name, opened_at FROM recent_documents ORDER BY opened_at DESC, rowid DESC',
    );
    this.upsert = db.prepare<[string, string, string]>(
      'INSERT INTO recent_documents (path, name, opened_at) VALUES (?, ?, ?) ON CONFLICT (path) DO UPDATE SET opened_at = excluded.opened_at',
    );
    this.trim = db.prepare<[number]>(
      'DELETE FROM recent_documents WHERE path NOT IN (SELECT path FROM recent_documents ORDER BY opened_at DESC, rowid DESC LIMIT ?)',
    );
    this.remover = db.prepare<[string]>('DELETE FROM recent_documents WHERE path = ?');
    this.clearer = db.prepare('DELETE FROM recent_documents');
  }

  list(): RecentDocument[] {
    return this.selectAll.all().map((r) => ({ path: r.path, name: r.name, openedAt: r.opened_at }));
  }

  add(path: string, now: Date = new Date()): RecentDocument[] {
    this.db.transaction(() => {
      this.upsert.run(path, basename(path), now.toISOString());
      this.trim.run(RECENT_LIMIT);
    })();
    return this.list();
  }

  remove(path: string): RecentDocument[] {
    this.remover.run(path);
    return this.list();
  }

  clear(): RecentDocument[] {
    this.clearer.run();
    return this.list();
  }
}
