import { useAppStore } from '../../stores/context.js';
import { isTraining, type MlTraining } from '../../stores/ml-slice.js';

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toPrecision(3));

function statusText(t: MlTraining): string {
  const last = t.history.at(-1);
  const epoch = last ? `epoch ${last.epoch} of ${t.epochs} · loss ${fmt(last.loss)} · validation loss ${fmt(last.valLoss)}` : `0 of ${t.epochs} epochs`;
  switch (t.state) {
    case 'loading':
      return `Reading ${t.series}…`;
    case 'training':
      return `Training: ${epoch}`;
    case 'cancelling':
      return `Cancelling after the current batch (${epoch})…`;
    case 'trained':
      return `Trained: ${epoch}`;
    case 'cancelled':
      return t.message ?? 'Cancelled.';
    case 'failed':
      return 'Training failed.';
  }
}

/** Train and Cancel, where the training is, and why it failed. */
export function TrainControls(): React.JSX.Element {
  const training = useAppStore((s) => s.mlTraining);
  const canTrain = useAppStore((s) => (s.mlSource === 'csv' ? s.mlCsv !== null : s.mlRunId !== null && s.mlSeries !== null) && s.mlBackend.state !== 'failed');
  const trainMl = useAppStore((s) => s.trainMl);
  const cancelMl = useAppStore((s) => s.cancelMl);
  const busy = isTraining(training);
  return (
    <div className="ml-form">
      <div className="ml-buttons">
        <button type="button" className="primary" data-testid="ml-train" disabled={!canTrain || busy} onClick={() => void trainMl()}>
          Train
        </button>
        <button type="button" data-testid="ml-cancel" disabled={training?.state !== 'training'} onClick={cancelMl}>
          Cancel
        </button>
        {training ? (
          <span className="muted small" role="status" data-testid="ml-status" data-state={training.state} data-epochs-done={training.history.length}>
            {statusText(training)}
          </span>
        ) : null}
      </div>
      {training?.state === 'failed' && training.message ? (
        <p className="field-error" role="alert" data-testid="ml-error">
          {training.message}
        </p>
      ) : null}
    </div>
  );
}
