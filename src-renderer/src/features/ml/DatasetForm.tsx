import { useEffect, useMemo } from 'react';
import { seriesNames } from '../../ml/series-from-run.js';
import { useAppStore } from '../../stores/context.js';
import { isTraining, trainableRuns } from '../../stores/ml-slice.js';
import { CsvPicker } from './CsvPicker.js';
import { NumberField } from './NumberField.js';

const runLabel = (r: { name: string; id: string; createdAt: string; state: string }): string => `${r.name} · ${new Date(r.createdAt).toLocaleString()} (${r.state})`;

/** What to train on: a finished run, one of its series, and how to cut it into windows. */
export function DatasetForm(): React.JSX.Element {
  const runs = useAppStore((s) => s.runs);
  const runsError = useAppStore((s) => s.runsError);
  const loadRuns = useAppStore((s) => s.loadRuns);
  const runId = useAppStore((s) => s.mlRunId);
  const series = useAppStore((s) => s.mlSeries);
  const spec = useAppStore((s) => s.mlSpec);
  const busy = useAppStore((s) => isTraining(s.mlTraining));
  const pickRun = useAppStore((s) => s.pickMlRun);
  const pickSeries = useAppStore((s) => s.pickMlSeries);
  const setSpec = useAppStore((s) => s.setMlSpec);
  const source = useAppStore((s) => s.mlSource);
  const setSource = useAppStore((s) => s.setMlSource);

  useEffect(() => {
    void loadRuns();
  }, [loadRuns]);
  const choices = useMemo(() => trainableRuns(runs), [runs]);
  const run = choices.find((r) => r.id === runId);
  const names = useMemo(() => (run ? seriesNames(run) : []), [run]);

  return (
    <div className="ml-form" data-testid="ml-dataset">
      {runsError ? (
        <p className="field-error" role="alert">
          {runsError}
        </p>
      ) : null}
      {runs !== null && choices.length === 0 ? (
        <p className="muted" data-testid="ml-no-runs">
          No finished run yet: run a topology in the Run area, then train on its metrics here.
        </p>
      ) : null}
      <div className="ml-fields ml-source" role="radiogroup" aria-label="Train on">
        <label>
          <input type="radio" name="ml-source" data-testid="ml-source-run" checked={source === 'run'} disabled={busy} onChange={() => setSource('run')} /> A stored run
        </label>
        <label>
          <input type="radio" name="ml-source" data-testid="ml-source-csv" checked={source === 'csv'} disabled={busy} onChange={() => setSource('csv')} /> A CSV file
        </label>
      </div>
      {source === 'csv' ? <CsvPicker /> : null}
      <div className="ml-fields" hidden={source !== 'run'}>
        <label>
          Run
          <select data-testid="ml-run" value={run?.id ?? ''} disabled={busy} onChange={(e) => pickRun(e.target.value || null)}>
            <option value="">Pick a finished run…</option>
            {choices.map((r) => (
              <option key={r.id} value={r.id}>
                {runLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Series (node/metric)
          <select data-testid="ml-series" value={series ?? ''} disabled={busy || !run} onChange={(e) => pickSeries(e.target.value)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="ml-fields">
        <label>
          Model
          <select
            data-testid="ml-purpose"
            value={spec.purpose}
            disabled={busy}
            onChange={(e) => setSpec(e.target.value === 'anomaly-detector' ? { purpose: 'anomaly-detector', horizon: 1 } : { purpose: 'forecaster' })}
          >
            <option value="forecaster">LSTM forecaster</option>
            <option value="anomaly-detector">LSTM anomaly detector (predicts the next point)</option>
          </select>
        </label>
        <NumberField label="Window (points)" testId="ml-window" value={spec.window} min={2} max={1000} disabled={busy} onChange={(window) => setSpec({ window })} />
        <NumberField label="Horizon (steps)" testId="ml-horizon" value={spec.horizon} min={1} max={1000} disabled={busy || spec.purpose === 'anomaly-detector'} onChange={(horizon) => setSpec({ horizon })} />
        <label>
          Normalisation
          <select data-testid="ml-normalisation" value={spec.normalisation} disabled={busy} onChange={(e) => setSpec({ normalisation: e.target.value as typeof spec.normalisation })}>
            <option value="zscore">z-score</option>
            <option value="minmax">min–max</option>
            <option value="none">none</option>
          </select>
        </label>
        <NumberField label="Train fraction" testId="ml-train-fraction" value={spec.trainFraction} min={0.05} max={0.95} step={0.05} disabled={busy} onChange={(trainFraction) => setSpec({ trainFraction })} />
        <NumberField
          label="Validation fraction"
          testId="ml-validation-fraction"
          value={spec.validationFraction}
          min={0.05}
          max={0.95}
          step={0.05}
          disabled={busy}
          onChange={(validationFraction) => setSpec({ validationFraction })}
        />
        <NumberField label="Epochs" testId="ml-epochs" value={spec.epochs} min={1} max={1000} disabled={busy} onChange={(epochs) => setSpec({ epochs })} />
        <NumberField label="Early-stop patience" testId="ml-patience" value={spec.patience} min={1} max={1000} disabled={busy} onChange={(patience) => setSpec({ patience })} />
        <NumberField label="LSTM units" testId="ml-units" value={spec.units} min={1} max={256} disabled={busy} onChange={(units) => setSpec({ units })} />
      </div>
    </div>
  );
}
