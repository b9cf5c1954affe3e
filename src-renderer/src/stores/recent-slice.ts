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
    const update = async (op: () => Promise<RecentDocument[]>): Promise<void> => {
      try {
        set({ recent: await op(), recentError: null });
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
      applyRecent: (recent) => set({ recent }),
    };
  };
