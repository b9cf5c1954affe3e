import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DevsimApi } from '../../../src-preload/contract/index.js';
import type { ConnectionStatus } from '../api/index.js';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice.js';
import { createContainersSlice, type ContainersSlice } from './containers-slice.js';
import { inertPlatform, type DocumentPlatform } from './document-platform.js';
import { createDiagramSlice, type DiagramSlice } from './diagram-slice.js';
import { createDocumentSlice, type DocumentSlice } from './document-slice.js';
import { createEditSlice, type EditSlice } from './edit-slice.js';
import { createMlModelsSlice, type MlModelsSlice } from './ml-models-slice.js';
import { createMlSlice, type MlSlice } from './ml-slice.js';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice.js';
import { createNoticeSlice, type NoticeSlice } from './notice-slice.js';
import { createRecentSlice, type RecentSlice } from './recent-slice.js';
import { createRunSlice, type RunSlice } from './run-slice.js';
import { createSettingsSlice, type SettingsSlice } from './settings-slice.js';

export type AppState = ConnectionSlice & SettingsSlice & RecentSlice & NavigationSlice & NoticeSlice & DocumentSlice & RunSlice & EditSlice & DiagramSlice & ContainersSlice & MlSlice & MlModelsSlice;
export type AppStore = StoreApi<AppState>;

/** One store in slices; actions live beside their state and reach the host through `api`. */
export function createAppStore(api: DevsimApi, initial: ConnectionStatus, platform: DocumentPlatform = inertPlatform): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createConnectionSlice(api, initial)(...a),
    ...createSettingsSlice(api)(...a),
    ...createRecentSlice(api)(...a),
    ...createNavigationSlice(...a),
    ...createNoticeSlice(...a),
    ...createDocumentSlice(api, platform)(...a),
    ...createRunSlice(api)(...a),
    ...createEditSlice(...a),
    ...createDiagramSlice(api, platform)(...a),
    ...createContainersSlice(api)(...a),
    ...createMlSlice(api)(...a),
    ...createMlModelsSlice(api)(...a),
  }));
}

/** Ready for people (and the cold-start benchmark): connected and settings loaded. */
export const selectReady = (s: AppState): boolean => s.connection.state === 'connected' && s.settings !== null;
