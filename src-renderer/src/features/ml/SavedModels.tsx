import { useEffect, useState } from 'react';
import type { ModelSummary } from '../../../../src-preload/contract/index.js';
import { base64ToBytes, MODEL_JSON, modelFilesFrom, WEIGHTS_BIN } from '../../ml/model-files.js';
import { useAppStore } from '../../stores/context.js';
import { download } from '../run/export.js';

/** The figure a model is best judged by: MASE for forecasters, F1 for detectors, when it has one. */
function keyFigure(m: ModelSummary): string {
  const e = m.evaluation;
  if (e['testMase'] !== undefined) return `MASE ${e['testMase'].toFixed(3)}`;
  if (e['testF1'] !== undefined) return `F1 ${e['testF1'].toFixed(3)}`;
  if (e['testMae'] !== undefined) return `MAE ${e['testMae'].toPrecision(3)}`;
  return '—';
}

/** Models kept in the app's store: export as TensorFlow.js files, import such files, delete. */
export function SavedModels(): React.JSX.Element {
  const list = useAppStore((s) => s.mlModels);
  const error = useAppStore((s) => s.mlModelsError);
  const load = useAppStore((s) => s.loadMlModels);
  const remove = useAppStore((s) => s.deleteMlModel);
  const exportFiles = useAppStore((s) => s.exportMlModel);
  const importFiles = useAppStore((s) => s.importMlModel);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const exportModel = async (id: string): Promise<void> => {
    const files = await exportFiles(id);
    if (!files) return;
    download(MODEL_JSON, 'application/json', files.modelJson);
    if (files.weightsBase64) download(WEIGHTS_BIN, 'application/octet-stream', base64ToBytes(files.weightsBase64));
  };
  const importPicked = async (picked: FileList | null): Promise<void> => {
    try {
      setImportError(null);
      await importFiles(await modelFilesFrom([...(picked ?? [])]));
    } catch (err) {
      setImportError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className="ml-models" aria-labelledby="ml-models-title" data-testid="ml-models">
      <h2 id="ml-models-title">Saved models</h2>
      {error || importError ? (
        <p className="field-error" role="alert" data-testid="ml-models-error">
          {importError ?? error}
        </p>
      ) : null}
      <label className="ml-import">
        Import TensorFlow.js files (model.json with its weights.bin)
        <input type="file" multiple accept=".json,.bin" data-testid="ml-import" onChange={(e) => void importPicked(e.target.files)} />
      </label>
      {list && list.models.length === 0 ? <p className="muted">No model saved yet: train one above and save it.</p> : null}
      {list && list.models.length > 0 ? (
        <table className="ml-models-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Version</th>
              <th scope="col">Model</th>
              <th scope="col">Learned from</th>
              <th scope="col">Held-out</th>
              <th scope="col">Saved</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {list.models.map((m) => (
              <tr key={m.id} data-testid="ml-model-row" data-model={m.id} data-name={m.name} data-version={m.version}>
                <td>{m.name}</td>
                <td>{m.version}</td>
                <td>{m.architecture}</td>
                <td>
                  {m.dataset.origin} · window {m.dataset.window}
                </td>
                <td>{keyFigure(m)}</td>
                <td>{new Date(m.createdAt).toLocaleString()}</td>
                <td className="ml-model-actions">
                  <button type="button" data-testid="ml-model-export" onClick={() => void exportModel(m.id)}>
                    Export
                  </button>
                  {confirming === m.id ? (
                    <button type="button" className="danger" data-testid="ml-model-delete-confirm" onClick={() => void remove(m.id).then(() => setConfirming(null))}>
                      Delete version {m.version}
                    </button>
                  ) : (
                    <button type="button" data-testid="ml-model-delete" onClick={() => setConfirming(m.id)}>
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list && list.damaged.length > 0 ? (
        <ul className="field-error" data-testid="ml-models-damaged">
          {list.damaged.map((d) => (
            <li key={d.id}>
              {d.name} version {d.version} cannot be read ({d.field}): {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
