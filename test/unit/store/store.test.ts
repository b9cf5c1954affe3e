import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-preload/contract/index.js';
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
});
