import { AREA_ICONS } from '../../app/area-icons.js';
import type { Area } from '../../app/areas.js';
import '../screens.css';

/** An area that a later version fills in; says what it will be for. */
export function PlaceholderScreen({ area }: { area: Area }): React.JSX.Element {
  const Icon = AREA_ICONS[area.id];
  return (
    <section className="screen" aria-labelledby={`${area.id}-title`} data-testid={`screen-${area.id}`}>
      <header className="screen-header">
        <h1 id={`${area.id}-title`}>{area.label}</h1>
        <p className="muted">{area.description}</p>
      </header>
      <div className="empty-state">
        <Icon size={40} />
        <p>{area.label} arrives in a later version of DevOps Simulator.</p>
      </div>
    </section>
  );
}
