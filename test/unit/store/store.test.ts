import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-preload/contract/index.js';
import { RECENT_LIMIT } from '../../../src-main/store/recent-repo.js';
import { Store } from '../../../src-main/store/store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'devsim-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Store', () => {
  it('creates a WAL database with defaults and persists settings across reopen', () => {
    const store = Store.open(dir);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.settings.get()).toEqual(DEFAULT_SETTINGS);
    store.settings.set({ theme: 'dark' });
    store.close();
    const again = Store.open(dir);
    expect(again.settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    again.close();
  });

  it('keeps recent documents newest first and without duplicates', () => {
    const store = Store.open(dir);
    store.recent.add('/a/one.devsim.yaml', new Date('2026-01-01T00:00:00Z'));
    store.recent.add('/a/two.devsim.yaml', new Date('2026-01-02T00:00:00Z'));
    const list = store.recent.add('/a/one.devsim.yaml', new Date('2026-01-03T00:00:00Z'));
    expect(list.map((r) => r.name)).toEqual(['one.devsim.yaml', 'two.devsim.yaml']);
    store.close();
  });

  it('falls back to the default for each stored setting that is no longer valid, keeping the valid ones', () => {
    const store = Store.open(dir);
    const put = store.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)');
    put.run('theme', JSON.stringify('purple')); // not one of the themes
    put.run('autosaveSeconds', 'not json at all');
    put.run('dockerHost', JSON.stringify('unix:///run/docker.sock')); // valid: kept
    put.run('showWelcome', JSON.stringify('yes')); // wrong type
    put.run('retiredSetting', JSON.stringify(42)); // unknown: ignored
    store.close();
    const again = Store.open(dir);
    expect(again.settings.get()).toEqual({ ...DEFAULT_SETTINGS, dockerHost: 'unix:///run/docker.sock' });
    // Writing one setting repairs nothing else by accident and keeps working.
    expect(again.settings.set({ theme: 'light' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'light', dockerHost: 'unix:///run/docker.sock' });
    again.close();
  });

  it('caps the recent list at RECENT_LIMIT, dropping the oldest, also across reopen', () => {
    const store = Store.open(dir);
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < RECENT_LIMIT + 7; i++) store.recent.add(`/docs/${i}.devsim.yaml`, new Date(start + i * 60_000));
    store.close();
    const again = Store.open(dir);
    const list = again.recent.list();
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]!.path).toBe(`/docs/${RECENT_LIMIT + 6}.devsim.yaml`);
    expect(list.at(-1)!.path).toBe('/docs/7.devsim.yaml');
    expect(again.db.prepare('SELECT count(*) FROM recent_documents').pluck().get()).toBe(RECENT_LIMIT);
    expect(again.recent.remove('/docs/10.devsim.yaml')).toHaveLength(RECENT_LIMIT - 1);
    expect(again.recent.clear()).toEqual([]);
    again.close();
  });

  it('a second connection sees what the first committed, and nothing uncommitted', () => {
    const first = Store.open(dir);
    const second = Store.open(dir);
    first.settings.set({ autosaveSeconds: 90 });
    expect(second.settings.get().autosaveSeconds).toBe(90);

    first.db.exec('BEGIN IMMEDIATE');
    first.db.prepare("UPDATE settings SET value = '5' WHERE key = 'autosaveSeconds'").run();
    expect(second.settings.get().autosaveSeconds).toBe(90); // readers are not blocked and see the last commit
    first.db.exec('COMMIT');
    expect(second.settings.get().autosaveSeconds).toBe(5);

    second.recent.add('/b/shared.devsim.yaml');
    expect(first.recent.list().map((r) => r.path)).toEqual(['/b/shared.devsim.yaml']);
    first.close();
    second.close();
  });
});
