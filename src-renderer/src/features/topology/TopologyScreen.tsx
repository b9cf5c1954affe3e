import { useCallback, useState } from 'react';
import type { Finding, LinkType, NodeKind } from '../../../../src-preload/contract/index.js';
import { useAppStore } from '../../stores/context.js';
import { TopologyCanvas } from './canvas/TopologyCanvas.js';
import { EmptyTopology } from './EmptyTopology.js';
import { FindingsPanel } from './FindingsPanel.js';
import { targetOfPath, type InspectorTarget } from './inspector/field-paths.js';
import { focusDocumentField } from './inspector/focus-field.js';
import { Inspector, type FocusRequest } from './inspector/Inspector.js';
import { MetadataPanel } from './MetadataPanel.js';
import { nodeOfPath } from './node-of-path.js';
import { Reports } from './Reports.js';
import { SourceView } from './SourceView.js';
import { SummaryPanel } from './SummaryPanel.js';
import { Toolbar } from './Toolbar.js';
import '../screens.css';
import './topology.css';

const timeOf = (iso: string): string => new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'short' });

/** The open document: the canvas in the middle; the selected node, summary, findings and metadata beside it. */
export function TopologyScreen(): React.JSX.Element {
  const doc = useAppStore((s) => s.doc);
  const addNodeAt = useAppStore((s) => s.addNodeAt);
  const connect = useAppStore((s) => s.connect);
  const deleteSelection = useAppStore((s) => s.deleteSelection);
  const refusal = useAppStore((s) => s.editRefusal);
  const [selected, setSelected] = useState<Finding | null>(null);
  const [selectedNode, setSelectedNode] = useState<string | null>(null);
  // A link or group shown in the inspector (picked from a finding); a node picked on the canvas replaces it.
  const [other, setOther] = useState<InspectorTarget | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const selectNode = useCallback((id: string | null) => {
    setSelectedNode(id);
    if (id !== null) setOther(null);
  }, []);
  /** A finding selects what it names and brings its field into view; a document-level one, the document panel. */
  const selectFinding = useCallback((finding: Finding) => {
    setSelected(finding);
    const target = targetOfPath(finding.path);
    setSelectedNode(target?.type === 'node' ? target.id : null);
    setOther(target !== null && target.type !== 'node' ? target : null);
    setFocus((f) => ({ path: finding.path, seq: (f?.seq ?? 0) + 1 }));
    if (target === null) requestAnimationFrame(() => focusDocumentField(finding.path));
  }, []);
  const addNode = useCallback(
    (kind: NodeKind, position: { x: number; y: number }) => {
      const id = addNodeAt(kind, position);
      if (id !== null) selectNode(id);
    },
    [addNodeAt, selectNode],
  );
  const link = useCallback((from: string, to: string, type: LinkType | null) => void connect(from, to, type ?? undefined), [connect]);
  if (!doc) return <EmptyTopology />;
  const title = doc.document?.metadata.name ?? doc.name;
  const current = selected && doc.findings.includes(selected) ? selected : null;
  const node = selectedNode !== null && doc.document?.nodes[selectedNode] ? selectedNode : null;
  const inspected: InspectorTarget | null = other ?? (node !== null ? { type: 'node', id: node } : null);

  return (
    <section className={`screen topology${doc.document ? ' with-canvas' : ''}`} aria-labelledby="topology-title" data-testid="screen-topology">
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
        <div className="topology-workbench">
          <TopologyCanvas document={doc.document} findings={doc.findings} selected={node} onSelect={selectNode} onInspect={setOther}
            onAdd={addNode}
            onConnect={link}
            onDelete={deleteSelection}
            refusal={refusal}
          />
          <div className="topology-side">
            {inspected !== null ? (
              <Inspector
                key={JSON.stringify(inspected)}
                document={doc.document}
                target={inspected}
                findings={doc.findings}
                focus={focus}
                selected={current}
                onSelectFinding={selectFinding}
                onRenamed={(t) => (t.type === 'node' ? selectNode(t.id) : setOther(t))}
              />
            ) : null}
            <FindingsPanel findings={doc.findings} selected={current} onSelect={selectFinding} />
            <SummaryPanel document={doc.document} highlight={current ? nodeOfPath(current.path) : null} />
            <MetadataPanel key={doc.key} metadata={doc.document.metadata} onOpenSection={(section) => setOther({ type: 'section', section })} />
          </div>
        </div>
      ) : (
        <>
          <p className="field-error" role="alert" data-testid="document-unreadable">
            This file does not fit the topology format, so only its text is shown. Fix the errors below in a text editor and open it again.
          </p>
          <FindingsPanel findings={doc.findings} selected={current} onSelect={setSelected} />
          <SourceView text={doc.text} line={current?.line ?? null} />
        </>
      )}
    </section>
  );
}
