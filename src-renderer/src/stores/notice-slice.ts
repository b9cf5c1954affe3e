import type { StateCreator } from 'zustand/vanilla';
import type { EventPayload } from '../../../src-preload/contract/index.js';
import type { AppState } from './app-store.js';

export type MenuCommand = EventPayload<'menuCommand'>;

export interface NoticeSlice {
  /** A one-line message for the person, shown above the current screen until dismissed. */
  notice: string | null;
  dismissNotice(): void;
}

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notice: null,
  dismissNotice: () => set({ notice: null }),
});
