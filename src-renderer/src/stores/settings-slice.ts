import type { StateCreator } from 'zustand/vanilla';
import type { DevsimApi, Settings } from '../../../src-preload/contract/index.js';
import { messageOf } from './errors.js';
import type { AppState } from './app-store.js';

export type SettingKey = keyof Settings;

export interface SettingsSlice {
  /** null until the host answered getSettings. */
  settings: Settings | null;
  settingsError: string | null;
  /** Why the last save of a field was refused, shown beside that field. */
  fieldErrors: Partial<Record<SettingKey, string>>;
  loadSettings(): Promise<Settings | null>;
  /**
   * Saves one field; resolves true when the host accepted it. `optimistic` shows the value at
   * once (toggles, radio buttons) and puts the old one back if the host refuses it.
   */
  saveSetting<K extends SettingKey>(key: K, value: Settings[K], options?: { optimistic?: boolean }): Promise<boolean>;
  /** Records a refusal found before asking the host (e.g. text that is not a number). */
  setFieldError(key: SettingKey, message: string): void;
  applySettings(settings: Settings): void;
}

const withoutKey = (errors: SettingsSlice['fieldErrors'], key: SettingKey): SettingsSlice['fieldErrors'] => {
  const next = { ...errors };
  delete next[key];
  return next;
};

export const createSettingsSlice =
  (api: DevsimApi): StateCreator<AppState, [], [], SettingsSlice> =>
  (set, get) => {
    // Each change counts; a load answer is dropped if a pushed change or a save answer came
    // in while it was on its way, so a slow re-fetch never undoes news.
    let version = 0;
    return {
      settings: null,
      settingsError: null,
      fieldErrors: {},
      loadSettings: async () => {
        const asked = ++version;
        try {
          const settings = await api.getSettings();
          if (asked === version) set({ settings, settingsError: null });
          return get().settings;
        } catch (err) {
          set({ settingsError: messageOf(err) });
          return null;
        }
      },
      saveSetting: async (key, value, options) => {
        const before = get().settings;
        if (options?.optimistic && before) set({ settings: { ...before, [key]: value } });
        try {
          const settings = await api.setSettings({ [key]: value });
          version++;
          set((s) => ({ settings, fieldErrors: withoutKey(s.fieldErrors, key) }));
          return true;
        } catch (err) {
          set((s) => ({
            // Put back what the host still has, unless something else changed it meanwhile.
            settings: options?.optimistic && before && s.settings?.[key] === value ? { ...s.settings, [key]: before[key] } : s.settings,
            fieldErrors: { ...s.fieldErrors, [key]: messageOf(err) },
          }));
          return false;
        }
      },
      setFieldError: (key, message) => set((s) => ({ fieldErrors: { ...s.fieldErrors, [key]: message } })),
      applySettings: (settings) => {
        version++;
        set({ settings });
      },
    };
  };
