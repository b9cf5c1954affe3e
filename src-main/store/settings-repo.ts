import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsPatch } from '../../src-preload/contract/index.js';
import type { Db } from './database.js';

/** Settings as one JSON value per key, so adding a setting needs no migration. */
export class SettingsRepo {
  private readonly selectAll;
  private readonly upsert;

  constructor(private readonly db: Db) {
    this.selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get(): Settings {
    const stored: Record<string, unknown> = {};
    for (const row of this.selectAll.all()) {
      try {
        stored[row.key] = JSON.parse(row.value);
      } catch {
        // A hand-edited value that is not JSON falls back to its default.
      }
    }
    // Each stored value is kept only if it is still valid; the rest take their defaults.
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      if (!(key in stored)) continue;
      const one = settingsSchema.shape[key].safeParse(stored[key]);
      if (one.success) settings[key] = one.data;
    }
    return settingsSchema.parse(settings);
  }

  set(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.db.transaction(() => {
      for (const key of Object.keys(patch)) {
        this.upsert.run(key, JSON.stringify(next[key as keyof Settings]));
      }
    })();
    return next;
  }
}
