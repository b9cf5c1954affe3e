import { useAppStore } from '../../stores/context.js';
import { EventTimeline } from './EventTimeline.js';
import { RunCharts } from './RunCharts.js';
import { RunControls } from './RunControls.js';
import { RunSummary } from './RunSummary.js';
import '../screens.css';
import './run.css';

/** The Run area: run the open document, watch it live, read the summary. */
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
          {run ? (
            <>
              {run.state === 'failed' ? (
                <p className="field-error" role="alert" data-testid="run-failed">
                  The run failed: {run.error ?? 'no reason given'}
                </p>
              ) : null}
              <RunCharts />
              <EventTimeline />
              {run.summary ? <RunSummary summary={run.summary} /> : null}
            </>
          ) : null}
        </>
      ) : (
        <div className="empty-state" data-testid="run-no-document">
          <p>Open a document to run it.</p>
          <button type="button" onClick={() => navigate('welcome')}>
            New from a template or open a file
          </button>
        </div>
      )}
    </section>
  );
}
