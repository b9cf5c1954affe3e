import { useAppStore } from '../../stores/context.js';
import { isTraining } from '../../stores/ml-slice.js';

/** An imported `timestamp,value` file to train on; a bad row is named by its line. */
export function CsvPicker(): React.JSX.Element {
  const csv = useAppStore((s) => s.mlCsv);
  const error = useAppStore((s) => s.mlCsvError);
  const busy = useAppStore((s) => isTraining(s.mlTraining));
  const load = useAppStore((s) => s.loadMlCsv);
  const pick = async (file: File | undefined): Promise<void> => {
    if (file) load(file.name, await file.text());
  };
  return (
    <div className="ml-fields">
      <label>
        CSV file (timestamp,value)
        <input type="file" accept=".csv,text/csv" data-testid="ml-csv" disabled={busy} onChange={(e) => void pick(e.target.files?.[0])} />
      </label>
      {csv ? (
        <p className="muted small" data-testid="ml-csv-loaded" data-points={csv.values.length}>
          {csv.name}: {csv.values.length} rows, a row every {(csv.stepMs / 1000).toLocaleString('en')} s.
        </p>
      ) : null}
      {error ? (
        <pre className="field-error" role="alert" data-testid="ml-csv-error">
          {error}
        </pre>
      ) : null}
    </div>
  );
}
