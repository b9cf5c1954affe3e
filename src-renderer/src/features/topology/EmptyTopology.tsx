import { useAppStore } from '../../stores/context.js';
import { TopologyIcon } from '../../ui/icons.js';
import { MenuButton } from '../../ui/MenuButton.js';

/** No document open: point at the ways to get one. */
export function EmptyTopology(): React.JSX.Element {
  const navigate = useAppStore((s) => s.navigate);
  const templates = useAppStore((s) => s.templates);
  const create = useAppStore((s) => s.newFromTemplate);
  return (
    <section className="screen" aria-labelledby="topology-title" data-testid="screen-topology">
      <header className="screen-header">
        <h1 id="topology-title">Topology</h1>
      </header>
      <div className="empty-state" data-testid="topology-empty">
        <TopologyIcon size={40} />
        <p>No document is open. Start from a template, or open a file from the Welcome screen.</p>
        <div className="row-actions">
          <MenuButton testId="empty-new-menu" label="New from template" items={templates.map((t) => ({ id: t.id, label: t.name, onSelect: () => void create(t.id) }))} />
          <button type="button" className="button" onClick={() => navigate('welcome')}>
            Go to Welcome
          </button>
        </div>
      </div>
    </section>
  );
}
