import type { StateCreator } from 'zustand/vanilla';
import type { AppInfo, DevsimApi } from '../../../src-preload/contract/index.js';
import type { ConnectionStatus } from '../api/index.js';
import { messageOf } from './errors.js';
import type { AppState } from './app-store.js';

export interface ConnectionSlice {
  connection: ConnectionStatus;
  appInfo: AppInfo | null;
  appInfoError: string | null;
  setConnection(status: ConnectionStatus): void;
  loadAppInfo(): Promise<void>;
}

export const createConnectionSlice =
  (api: DevsimApi, initial: ConnectionStatus): StateCreator<AppState, [], [], ConnectionSlice> =>
  (set) => ({
    connection: initial,
    appInfo: null,
    appInfoError: null,
    setConnection: (connection) => set({ connection }),
    loadAppInfo: async () => {
      try {
        set({ appInfo: await api.appInfo(), appInfoError: null });
      } catch (err) {
        set({ appInfoError: messageOf(err) });
      }
    },
  });
