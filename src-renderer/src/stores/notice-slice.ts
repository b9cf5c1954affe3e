import type { StateCreator } from 'zustand/vanilla';
import type { EventPayload } from '../../../src-preload/contract/index.js';
import type { AppState } from './app-store.js';

export type MenuCommand = EventPayload<'menuCommand'>;

export interface NoticeSlice {
  /** A one-line message for the person, shown above the current screen until dismissed. */
  notice: string | null;
  dismissNotice(): void;
  /** Carries out a native menu item (File ▸ New, Open, …) sent by main. */
  runMenuCommand(command: MenuCommand): void;
}

const NOT_YET = 'Documents open in the topology editor, which arrives in the next version.';

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set, get) => ({
  notice: null,
  dismissNotice: () => set({ notice: null }),
  runMenuCommand: ({ command, path }) => {
    switch (command) {
      case 'newDocument':
      case 'openDocument':
        get().navigate('welcome');
        set({ notice: NOT_YET });
        return;
      case 'openRecent':
        get().navigate('welcome');
        set({ notice: path ? `Cannot open ${path} yet. ${NOT_YET}` : NOT_YET });
        return;
      case 'saveDocument':
      case 'saveDocumentAs':
      case 'closeDocument':
        set({ notice: 'No document is open.' });
        return;
    }
  },
});
