import { useAppStore } from '../../stores/context.js';

const LABELS: Record<string, string> = { mae: 'MAE (model)', naiveMae: 'MAE (last value, naive)', testWindows: 'Test windows' };

/** Figures of a finished training on held-out data. */
export function TrainingResult(): React.JSX.Element | null {
  const training = useAppStore((s) => s.mlTraining);
  const result = training?.state === 'trained' ? training.result : null;
  if (!result) return null;
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
          {result.filledPoints > 0 ? (
            <tr>
              <th scope="row">Missing points filled</th>
              <td>{result.filledPoints}</td>
            </tr>
          ) : null}
          {Object.entries(result.evaluation).map(([name, value]) => (
            <tr key={name} data-testid="ml-figure" data-name={name}>
              <th scope="row">{LABELS[name] ?? name}</th>
              <td>{Number.isInteger(value) ? value : value.toPrecision(4)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Training time</th>
            <td>{(result.elapsedMs / 1000).toFixed(1)} s</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
