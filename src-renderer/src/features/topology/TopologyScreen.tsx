import { useState } from 'react';
import type { Finding } from '../../../../src-preload/contract/index.js';
import { useAppStore } from '../../stores/context.js';
import { EmptyTopology } from './EmptyTopology.js';
import { FindingsPanel } from './FindingsPanel.js';
import { MetadataPanel } from './MetadataPanel.js';
import { nodeOfPath } from './node-of-path.js';
import { Reports } from './Reports.js';
import { SourceView } from './SourceView.js';
import { SummaryPanel } from './SummaryPanel.js';
import { Toolbar } from './Toolbar.js';
import '../screens.css';
import './topology.css';

const timeOf = (iso: string): string => new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'short' });

/** The open document until the graphical editor arrives: what it holds and what is wrong with it. */
export function TopologyScreen(): React.JSX.Element {
  const doc = useAppStore((s) => s.doc);
  const [selected, setSelected] = useState<Finding | null>(null);
  if (!doc) return <EmptyTopology />;
  const title = doc.document?.metadata.name ?? doc.name;
  const current = selected && doc.findings.includes(selected) ? selected : null;

  return (
    <section className="screen topology" aria-labelledby="topology-title" data-testid="screen-topology">
      <header className="screen-header">
        <h1 id="topology-title" data-testid="document-title">
          {title}
          {doc.dirty ? (
            <span className="dirty-marker" data-testid="dirty-marker" title="Unsaved changes" aria-label="(unsaved changes)">
              {' •'}
            </span>
          ) : null}
        </h1>
        <p className="muted small document-facts">
          <span className="mono" data-testid="document-path">
            {doc.path ?? 'Not saved'}
          </span>
          {doc.autosavedAt ? <span data-testid="autosaved">Autosaved at {timeOf(doc.autosavedAt)}</span> : null}
          {doc.autosaveError ? (
            <span className="field-error" role="alert">
              Autosave failed: {doc.autosaveError}
            </span>
          ) : null}
        </p>
      </header>
      <Toolbar />
      <Reports />
      {doc.migratedFrom ? (
        <p className="note">
          This file was written for {doc.migratedFrom} and was brought up to date when it opened; save it to keep the new form.
        </p>
      ) : null}
      {doc.document ? (
        <>
          <MetadataPanel key={doc.key} metadata={doc.document.metadata} />
          <SummaryPanel document={doc.document} highlight={current ? nodeOfPath(current.path) : null} />
        </>
      ) : (
        <p className="field-error" role="alert" data-testid="document-unreadable">
          This file does not fit the topology format, so only its text is shown. Fix the errors below in a text editor and open it again.
        </p>
      )}
      <FindingsPanel findings={doc.findings} selected={current} onSelect={setSelected} />
      {doc.document ? null : <SourceView text={doc.text} line={current?.line ?? null} />}
    </section>
  );
}
