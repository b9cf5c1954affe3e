import type { StateCreator } from 'zustand/vanilla';
import type { DevsimApi, RecentDocument } from '../../../src-preload/contract/index.js';
import { messageOf } from './errors.js';
import type { AppState } from './app-store.js';

export interface RecentSlice {
  recent: RecentDocument[];
  recentError: string | null;
  loadRecent(): Promise<void>;
  addRecent(path: string): Promise<void>;
  removeRecent(path: string): Promise<void>;
  clearRecent(): Promise<void>;
  applyRecent(list: RecentDocument[]): void;
}

export const createRecentSlice =
  (api: DevsimApi): StateCreator<AppState, [], [], RecentSlice> =>
  (set) => {
    // Every change counts; an answer is applied only if nothing newer (a pushed event or a
    // later answer) arrived while it was on its way, so a slow re-fetch never undoes news.
    let version = 0;
    const update = async (op: () => Promise<RecentDocument[]>): Promise<void> => {
      const asked = ++version;
      try {
        const recent = await op();
        if (asked === version) set({ recent, recentError: null });
      } catch (err) {
        set({ recentError: messageOf(err) });
      }
    };
    return {
      recent: [],
      recentError: null,
      loadRecent: () => update(() => api.listRecent()),
      addRecent: (path) => update(() => api.addRecent({ path })),
      removeRecent: (path) => update(() => api.removeRecent({ path })),
      clearRecent: () => update(() => api.clearRecent()),
      applyRecent: (recent) => {
        version++;
        set({ recent });
      },
    };
  };
