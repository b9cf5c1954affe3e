import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { ContractError, type DevsimApi } from '../../../src-preload/contract/index.js';
import type { AppState } from '../../../src-renderer/src/stores/app-store.js';
import { createMlModelsSlice } from '../../../src-renderer/src/stores/ml-models-slice.js';
import { ARTEFACT } from './ml-fake-worker.js';

const summary = (id: string, version: number) => ({ ...ARTEFACT, id, version, createdAt: '2025-01-01T00:00:00Z', weightBytes: 64 });

function setup() {
  let models = [summary('model-1', 1)];
  const api = {
    listModels: vi.fn(async () => ({ models, damaged: [] })),
    deleteModel: vi.fn(async ({ id }: { id: string }) => {
      models = models.filter((m) => m.id !== id);
      return { deleted: true };
    }),
    exportModelFiles: vi.fn(async () => ({ written: [], files: { modelJson: '{"format":"layers-model"}', weightsBase64: 'AAAA' } })),
    importModelFiles: vi.fn(async () => {
      models = [summary('model-2', 2), ...models];
      return models[0];
    }),
  };
  const store = createStore<AppState>()((set, get, s) => createMlModelsSlice(api as unknown as DevsimApi)(set, get, s) as unknown as AppState);
  return { store, api };
}

describe('the ML lab saved models slice', () => {
  it('lists, imports (a new version) and deletes, reading the list again after each change', async () => {
    const { store, api } = setup();
    await store.getState().loadMlModels();
    expect(store.getState().mlModels?.models.map((m) => m.id)).toEqual(['model-1']);
    await store.getState().importMlModel({ modelJson: '{}', weightsBase64: '' });
    expect(store.getState().mlModels?.models.map((m) => [m.id, m.version])).toEqual([
      ['model-2', 2],
      ['model-1', 1],
    ]);
    await store.getState().deleteMlModel('model-1');
    expect(api.deleteModel).toHaveBeenCalledWith({ id: 'model-1' });
    expect(store.getState().mlModels?.models.map((m) => m.id)).toEqual(['model-2']);
    expect(await store.getState().exportMlModel('model-2')).toEqual({ modelJson: '{"format":"layers-model"}', weightsBase64: 'AAAA' });
    expect(store.getState().mlModelsError).toBeNull();
  });

  it("shows the host's refusal, naming the field, and clears it on the next success", async () => {
    const { store, api } = setup();
    api.importModelFiles.mockRejectedValueOnce(new ContractError('BAD_REQUEST', 'model.json.formatVersion: 2 is not a format this app reads (1)', 'modelJson'));
    await store.getState().importMlModel({ modelJson: '{}', weightsBase64: '' });
    expect(store.getState().mlModelsError).toMatch(/model\.json\.formatVersion: 2/);
    api.exportModelFiles.mockRejectedValueOnce(new Error('There is no model model-9.'));
    expect(await store.getState().exportMlModel('model-9')).toBeNull();
    expect(store.getState().mlModelsError).toBe('There is no model model-9.');
    await store.getState().loadMlModels();
    expect(store.getState().mlModelsError).toBeNull();
  });
});
