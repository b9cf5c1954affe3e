import { useAppStore } from '../../stores/context.js';
import { FORMAT_LABELS } from '../../stores/document-files.js';
import { CloseIcon } from '../../ui/icons.js';
import { FindingsPanel } from './FindingsPanel.js';

/** What the last import or export said: findings, what Compose settings were not mapped, export notes. */
export function Reports(): React.JSX.Element | null {
  const imported = useAppStore((s) => s.importReport);
  const exported = useAppStore((s) => s.exportReport);
  const dismiss = useAppStore((s) => s.dismissReports);
  if (!imported && !exported) return null;
  // Unmapped settings come twice (as findings, placed, and as the list); the list below shows them.
  const importFindings = imported?.findings.filter((f) => f.code !== 'compose-unmapped') ?? [];
  return (
    <section className="panel report" aria-label="Import and export" data-testid="report">
      <div className="panel-header">
        <h2>{imported ? `Imported ${imported.name}` : `Exported ${FORMAT_LABELS[exported!.format]}`}</h2>
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
          <CloseIcon size={16} />
        </button>
      </div>
      {imported ? (
        <>
          {!imported.opened ? (
            <p className="field-error" role="alert">
              This file is not valid Compose, so nothing was imported.
            </p>
          ) : null}
          {importFindings.length > 0 ? (
            <FindingsPanel findings={importFindings} selected={null} onSelect={() => {}} title="Import findings" testId="import-findings" />
          ) : null}
          <h3>Not mapped</h3>
          {imported.unmapped.length === 0 ? (
            <p className="muted" data-testid="unmapped-none">
              Every setting in the file found a place in the document.
            </p>
          ) : (
            <ul className="plain-list" data-testid="unmapped">
              {imported.unmapped.map((u) => (
                <li key={`${u.path}-${u.reason}`}>
                  <code>{u.path}</code> — {u.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <>
          <p data-testid="export-files">
            {exported!.files.length === 1 ? 'File' : 'Files'}: {exported!.files.map((f) => <code key={f}>{f} </code>)}
          </p>
          {exported!.bundled ? (
            <p className="note" data-testid="export-bundled">
              A browser download cannot make folders, so the Kustomize base came as one file, <code>kubernetes.yaml</code>, with the manifests
              separated by <code>---</code> (ready for <code>kubectl apply -f</code>). The overlays per environment need a folder: use the desktop app or{' '}
              <code>devsim export --to k8s</code>.
            </p>
          ) : null}
          {exported!.notes.length > 0 ? (
            <ul className="plain-list" data-testid="export-notes">
              {exported!.notes.map((n, i) => (
                <li key={`${n.code}-${i}`} className={n.severity}>
                  {n.message} <code className="muted">{n.path}</code>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No notes: everything in the document has a place in the export.</p>
          )}
        </>
      )}
    </section>
  );
}
