import { AutoscaleCompare } from './AutoscaleCompare.js';
import { useEffect } from 'react';
import { useAppStore } from '../../stores/context.js';
import { BackendStatus } from './BackendStatus.js';
import { DataSummary } from './DataSummary.js';
import { DatasetForm } from './DatasetForm.js';
import { LossChart } from './LossChart.js';
import { SavedModels } from './SavedModels.js';
import { TrainControls } from './TrainControls.js';
import { TrainingResult } from './TrainingResult.js';
import '../screens.css';
import './ml.css';

/** The ML lab: train a model on a run's metrics in a Web Worker and watch it learn. */
export function MlScreen(): React.JSX.Element {
  const startMlBackend = useAppStore((s) => s.startMlBackend);
  useEffect(() => {
    void startMlBackend();
  }, [startMlBackend]);
  return (
    <section className="screen ml" aria-labelledby="ml-title" data-testid="screen-ml">
      <header className="screen-header">
        <h1 id="ml-title">ML Lab</h1>
        <p className="muted">Train a model on a run’s metrics: a forecaster learns a series a few steps ahead; an anomaly detector learns what normal looks like, and is checked against the faults the run recorded.</p>
      </header>
      <BackendStatus />
      <DatasetForm />
      <TrainControls />
      <DataSummary />
      <LossChart />
      <TrainingResult />
      <SavedModels />
      <AutoscaleCompare />
    </section>
  );
}
