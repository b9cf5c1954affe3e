import { TopologyIcon } from '../../ui/icons.js';
import { TEMPLATES } from './templates.js';

export function TemplateCards(): React.JSX.Element {
  return (
    <section className="panel" aria-labelledby="templates-title">
      <h2 id="templates-title">New from template</h2>
      <ul className="template-grid">
        {TEMPLATES.map((t) => (
          <li key={t.id}>
            <button type="button" className="template-card" disabled aria-describedby="templates-note" data-testid={`template-${t.id}`}>
              <span className="template-top">
                <span className="template-icon">
                  <TopologyIcon size={22} />
                </span>
                <span className="badge">Coming soon</span>
              </span>
              <span className="template-title">{t.title}</span>
              <span className="template-summary">{t.summary}</span>
            </button>
          </li>
        ))}
      </ul>
      <p id="templates-note" className="note">
        Templates arrive with the topology editor in the next version.
      </p>
    </section>
  );
}
