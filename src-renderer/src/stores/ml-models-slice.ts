import type { StateCreator } from 'zustand/vanilla';
import type { DevsimApi, ModelFiles, ModelList } from '../../../src-preload/contract/index.js';
import type { AppState } from './app-store.js';
import { messageOf } from './errors.js';

/** The models kept in the app's store, as the ML lab lists them. */
export interface MlModelsSlice {
  /** null until loaded. */
  mlModels: ModelList | null;
  /** The last list, delete, export or import call that failed, and why. */
  mlModelsError: string | null;
  loadMlModels(): Promise<void>;
  deleteMlModel(id: string): Promise<void>;
  /** The model as tfjs files, for a download; null (with mlModelsError set) when refused. */
  exportMlModel(id: string): Promise<ModelFiles | null>;
  importMlModel(files: ModelFiles): Promise<void>;
}

export const createMlModelsSlice =
  (api: DevsimApi): StateCreator<AppState, [], [], MlModelsSlice> =>
  (set, get) => {
    const attempt = async <T>(call: () => Promise<T>): Promise<T | null> => {
      try {
        const value = await call();
        set({ mlModelsError: null });
        return value;
      } catch (err) {
        set({ mlModelsError: messageOf(err) });
        return null;
      }
    };
    return {
      mlModels: null,
      mlModelsError: null,
      loadMlModels: async () => {
        const list = await attempt(() => api.listModels());
        if (list) set({ mlModels: list });
      },
      deleteMlModel: async (id) => {
        if ((await attempt(() => api.deleteModel({ id }))) !== null) await get().loadMlModels();
      },
      exportMlModel: async (id) => (await attempt(() => api.exportModelFiles({ id })))?.files ?? null,
      importMlModel: async (files) => {
        if ((await attempt(() => api.importModelFiles(files))) !== null) await get().loadMlModels();
      },
    };
  };
