import { useAppStore } from '../../stores/context.js';
import { TopologyIcon } from '../../ui/icons.js';
import { KindChip } from '../../ui/node-kinds.js';
import { TemplatePreview } from './TemplatePreview.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The shipped templates: click one to start a new document from it. */
export function TemplateGallery(): React.JSX.Element {
  const templates = useAppStore((s) => s.templates);
  const error = useAppStore((s) => s.templatesError);
  const busy = useAppStore((s) => s.docBusy !== null);
  const create = useAppStore((s) => s.newFromTemplate);

  return (
    <section className="panel" aria-labelledby="templates-title" data-testid="template-gallery">
      <h2 id="templates-title">New from template</h2>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="template-grid">
        {templates.map((t) => (
          <li key={t.id}>
            <button type="button" className="template-card" disabled={busy} data-testid={`template-${t.id}`} onClick={() => void create(t.id)}>
              <span className="template-top">
                <span className="template-icon">
                  <TopologyIcon size={22} />
                </span>
                <span className="badge">{t.environment}</span>
              </span>
              <TemplatePreview document={t.document} />
              <span className="template-title">{t.name}</span>
              <span className="template-summary">{t.description}</span>
              <span className="template-counts muted small">
                {plural(t.nodeCount, 'node')} · {plural(t.linkCount, 'link')}
              </span>
              <span className="kind-chips" aria-label="Node kinds">
                {Object.entries(t.kinds).map(([kind, count]) => (
                  <KindChip key={kind} kind={kind} count={count} />
                ))}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
