import { useAppStore } from '../../stores/context.js';

/** What the picked series held once read: its points, gaps filled, and points the run's faults and alerts label anomalous. */
export function DataSummary(): React.JSX.Element | null {
  const data = useAppStore((s) => s.mlTraining?.data);
  const csv = useAppStore((s) => s.mlTraining?.runId.startsWith('csv:') === true);
  if (!data) return null;
  return (
    <p className="muted small" data-testid="ml-data" data-points={data.points} data-anomalous={data.anomalousPoints}>
      {data.points} points{data.filled > 0 ? ` (${data.filled} without data, filled from the last value)` : ''};{' '}
      {csv ? 'unlabelled (a CSV file has no fault record).' : `${data.anomalousPoints} labelled anomalous from ${data.episodes} ${data.episodes === 1 ? 'fault or alert' : 'faults and alerts'} the run recorded.`}
    </p>
  );
}
