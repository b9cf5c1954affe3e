import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../stores/context.js';
import type { DiagramFormat } from '../../stores/diagram-slice.js';
import { FORMAT_LABELS, type ExportFormat } from '../../stores/document-files.js';
import { ExportIcon, FolderOpenIcon, ImportIcon, PlusIcon, SaveIcon } from '../../ui/icons.js';
import { MenuButton } from '../../ui/MenuButton.js';
import { openDiagram } from './canvas/diagram-registry.js';

const EXPORT_DETAILS: Record<ExportFormat, string> = {
  compose: 'docker-compose.yml',
  k8s: 'Kustomize base and overlays',
  prometheus: 'alert-rules.yml',
};

const DIAGRAM_FORMATS: readonly DiagramFormat[] = ['png', 'svg'];
const DIAGRAM_DETAILS: Record<DiagramFormat, string> = { png: 'picture of the whole diagram', svg: 'scalable picture, text kept' };

/** File actions for the open document (the same as the File menu of the desktop app). */
export function Toolbar(): React.JSX.Element {
  const templates = useAppStore((s) => s.templates);
  const busy = useAppStore((s) => s.docBusy);
  const canSave = useAppStore((s) => s.doc?.document !== undefined);
  const a = useAppStore(
    useShallow((s) => ({
      newFromTemplate: s.newFromTemplate,
      open: s.open,
      save: s.save,
      saveAs: s.saveAs,
      importCompose: s.importCompose,
      exportAs: s.exportAs,
      exportDiagram: s.exportDiagram,
    })),
  );
  const off = busy !== null;

  return (
    <div className="toolbar" role="toolbar" aria-label="Document">
      <MenuButton
        testId="new-menu"
        disabled={off}
        label={
          <>
            <PlusIcon size={16} />
            New
          </>
        }
        items={templates.map((t) => ({ id: t.id, label: t.name, detail: t.environment, onSelect: () => void a.newFromTemplate(t.id) }))}
      />
      <button type="button" className="button" disabled={off} onClick={() => void a.open()} data-testid="toolbar-open">
        <FolderOpenIcon size={16} />
        Open
      </button>
      <button type="button" className="button" disabled={off || !canSave} onClick={() => void a.save()} data-testid="toolbar-save">
        <SaveIcon size={16} />
        Save
      </button>
      <button type="button" className="button" disabled={off || !canSave} onClick={() => void a.saveAs()} data-testid="toolbar-save-as">
        Save As…
      </button>
      <button type="button" className="button" disabled={off} onClick={() => void a.importCompose()} data-testid="toolbar-import">
        <ImportIcon size={16} />
        Import compose
      </button>
      <MenuButton
        testId="export-menu"
        disabled={off || !canSave}
        label={
          <>
            <ExportIcon size={16} />
            Export
          </>
        }
        items={[
          ...(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((f) => ({ id: f, label: FORMAT_LABELS[f], detail: EXPORT_DETAILS[f], onSelect: () => void a.exportAs(f) })),
          ...DIAGRAM_FORMATS.map((f) => ({ id: f, label: `Diagram as ${f.toUpperCase()}`, detail: DIAGRAM_DETAILS[f], onSelect: () => void a.exportDiagram(f, openDiagram) })),
        ]}
      />
      {busy ? (
        <span className="muted small" role="status">
          {busy}
        </span>
      ) : null}
    </div>
  );
}
