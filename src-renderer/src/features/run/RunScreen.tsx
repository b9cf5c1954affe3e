import { useAppStore } from '../../stores/context.js';
import { isFinal } from '../../stores/run-slice.js';
import { AlertsPanel } from './AlertsPanel.js';
import { RunCanvas } from './canvas/RunCanvas.js';
import { CompareFigures } from './CompareFigures.js';
import { EventTimeline } from './EventTimeline.js';
import { download, runJson, runSeriesCsv } from './export.js';
import { DeployPanel } from './DeployPanel.js';
import { FaultPanel } from './FaultPanel.js';
import { RealContainerStats } from './RealContainerStats.js';
import { RunCharts } from './RunCharts.js';
import { RunControls } from './RunControls.js';
import { RunsList } from './RunsList.js';
import { RunSummary } from './RunSummary.js';
import '../screens.css';
import './run.css';

/** Download the shown run as JSON (summary, series, events) or its series as CSV. */
function RunExport(): React.JSX.Element {
  const run = useAppStore((s) => s.run)!;
  const name = useAppStore((s) => s.runs?.find((r) => r.id === s.run?.id)?.name ?? s.doc?.document?.metadata.name ?? run.id);
  return (
    <div className="run-export" data-testid="run-export">
      <button type="button" data-testid="run-export-json" disabled={!isFinal(run.state)} onClick={() => download(`${run.id}.json`, 'application/json', runJson(run, name))}>
        Export JSON
      </button>
      <button type="button" data-testid="run-export-csv" disabled={!isFinal(run.state)} onClick={() => download(`${run.id}-series.csv`, 'text/csv', runSeriesCsv(run))}>
        Export series CSV
      </button>
    </div>
  );
}

/** The Run area: run the open document, watch it live, read the summary; reopen stored runs. */
export function RunScreen(): React.JSX.Element {
  const doc = useAppStore((s) => s.doc);
  const run = useAppStore((s) => s.run);
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="screen run" aria-labelledby="run-title" data-testid="screen-run">
      <header className="screen-header">
        <h1 id="run-title">Run</h1>
        <p className="muted">{doc ? (doc.document?.metadata.name ?? doc.name) : 'Run traffic through the topology and watch live charts.'}</p>
      </header>
      {doc ? (
        <>
          <RunControls />
          <FaultPanel />
          <DeployPanel />
        </>
      ) : (
        <div className="empty-state" data-testid="run-no-document">
          <p>Open a document to run it.</p>
          <button type="button" onClick={() => navigate('welcome')}>
            New from a template or open a file
          </button>
        </div>
      )}
      {run ? (
        <>
          {run.state === 'failed' ? (
            <p className="field-error" role="alert" data-testid="run-failed">
              The run failed: {run.error ?? 'no reason given'}
            </p>
          ) : null}
          {!doc ? (
            <p className="muted small" data-testid="run-shown">
              Run {run.id}: {run.state}
            </p>
          ) : null}
          <RunExport />
          <RunCanvas />
          <RunCharts />
          <RealContainerStats />
          <CompareFigures />
          <AlertsPanel />
          <EventTimeline />
          {run.summary ? <RunSummary summary={run.summary} /> : null}
        </>
      ) : null}
      <RunsList />
    </section>
  );
}
