import { useAppStore } from '../../stores/context.js';
import { SaveModel } from './SaveModel.js';
import { TestChart } from './TestChart.js';

const LABELS: Record<string, string> = {
  testMae: 'MAE on test (model)',
  naiveMae: 'MAE on test (last value, naive)',
  testMape: 'MAPE on test (%)',
  testMase: 'MASE on test (against naive)',
  testPrecision: 'Precision on test (fault labels)',
  testRecall: 'Recall on test (fault labels)',
  testF1: 'F1 on test (fault labels)',
  testFlagged: 'Test points flagged',
  testAnomalousPoints: 'Test points labelled anomalous',
  threshold: 'Anomaly threshold (score)',
  validationLoss: 'Best validation loss',
  validationMae: 'MAE on validation',
  trainingMs: 'Fitting time (ms)',
};

const shown = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(4));

/** Figures of a finished training on held-out data, and saving the model. */
export function TrainingResult(): React.JSX.Element | null {
  const training = useAppStore((s) => s.mlTraining);
  const result = training?.state === 'trained' ? training.result : null;
  if (!training || !result) return null;
  return (
    <section className="ml-result" aria-labelledby="ml-result-title" data-testid="ml-result">
      <h2 id="ml-result-title">Held-out figures</h2>
      <table>
        <tbody>
          <tr>
            <th scope="row">Windows (train / validation / test)</th>
            <td>
              {result.windows.train} / {result.windows.validation} / {result.windows.test}
            </td>
          </tr>
          <tr>
            <th scope="row">Epochs run (best)</th>
            <td>
              {result.epochsRun} ({result.bestEpoch}){result.stoppedEarly ? ', stopped early: validation loss no longer improved' : ''}
            </td>
          </tr>
          {Object.entries(result.evaluation).map(([name, value]) => (
            <tr key={name} data-testid="ml-figure" data-name={name} data-value={value}>
              <th scope="row">{LABELS[name] ?? name}</th>
              <td>{shown(value)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Training time</th>
            <td>{(result.elapsedMs / 1000).toFixed(1)} s</td>
          </tr>
        </tbody>
      </table>
      <h3>The test part, point by point</h3>
      <TestChart test={result.test} detector={training.artefact?.purpose === 'anomaly-detector'} />
      <SaveModel />
    </section>
  );
}
