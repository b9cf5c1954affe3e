import type { Handlers } from '../../src-preload/contract/index.js';
import type { ModelService } from './model-service.js';

type ModelHandlers = Pick<Handlers, 'listModels' | 'getModel' | 'saveModel' | 'deleteModel' | 'exportModelFiles' | 'importModelFiles'>;

/** The contract's model methods, answered by the model service. */
export function createModelHandlers(models: ModelService): ModelHandlers {
  return {
    listModels: (args) => models.list(args?.purpose),
    getModel: (ref) => models.get(ref),
    saveModel: ({ artefact }) => models.save(artefact),
    deleteModel: ({ id }) => models.delete(id),
    exportModelFiles: ({ id, path }) => models.exportFiles(id, path),
    importModelFiles: (files) => models.importFiles(files),
  };
}
