import { useAppStore } from '../../stores/context.js';

/** Keeps the trained model in the app's store (SQLite) under its name; saving again adds a version. */
export function SaveModel(): React.JSX.Element | null {
  const training = useAppStore((s) => s.mlTraining);
  const save = useAppStore((s) => s.saveMlModel);
  if (!training?.artefact) return null;
  const saved = training.saved;
  return (
    <div className="ml-buttons">
      <button type="button" data-testid="ml-save" disabled={saved?.state === 'saving'} onClick={() => void save()}>
        Save model
      </button>
      <span className="muted small">{training.artefact.name}</span>
      {saved?.state === 'saved' ? (
        <span role="status" data-testid="ml-saved" data-version={saved.version}>
          Saved as {saved.name}, version {saved.version}.
          {training.artefact.purpose === 'forecaster' ? ` A node's predictive scaling uses it when its scaling names model "${saved.name}" (the latest version).` : ''}
        </span>
      ) : null}
      {saved?.state === 'failed' ? (
        <span className="field-error" role="alert" data-testid="ml-save-error">
          Not saved: {saved.message}
        </span>
      ) : null}
    </div>
  );
}
