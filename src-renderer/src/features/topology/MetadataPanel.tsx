import { useId, useState } from 'react';
import { ENVIRONMENTS, type Topology } from '../../../../src-preload/contract/index.js';
import { useAppStore } from '../../stores/context.js';
import type { DocumentSection } from './inspector/field-paths.js';

/**
 * The document's name, description and environment, and the way into its other sections (the
 * scenario, the environment's settings), which open in the inspector. Each change marks the
 * document unsaved and is autosaved.
 */
export function MetadataPanel({ metadata, onOpenSection }: { metadata: Topology['metadata']; onOpenSection?(section: DocumentSection): void }): React.JSX.Element {
  const edit = useAppStore((s) => s.editMetadata);
  // The name is kept here while it is empty, since a document needs one.
  const [name, setName] = useState(metadata.name);
  const id = useId();
  const nameMissing = name.trim() === '';

  return (
    <section className="panel metadata" aria-labelledby={`${id}-title`} data-testid="metadata">
      <h2 id={`${id}-title`}>Document</h2>
      <div className="metadata-fields">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            className="text-input"
            value={name}
            maxLength={200}
            aria-invalid={nameMissing || undefined}
            data-testid="metadata-name"
            onChange={(e) => {
              setName(e.target.value);
              if (e.target.value.trim() !== '') edit({ name: e.target.value });
            }}
          />
          {nameMissing ? (
            <p className="field-error" role="alert">
              A document needs a name; the last one is kept until you type a new one.
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-env`}>Environment</label>
          <select
            id={`${id}-env`}
            className="text-input"
            value={metadata.environment}
            data-testid="metadata-environment"
            onChange={(e) => edit({ environment: e.target.value as Topology['metadata']['environment'] })}
          >
            {ENVIRONMENTS.map((env) => (
              <option key={env} value={env}>
                {env}
              </option>
            ))}
          </select>
        </div>
        <div className="field wide">
          <label htmlFor={`${id}-desc`}>Description</label>
          <textarea
            id={`${id}-desc`}
            className="text-input"
            rows={2}
            maxLength={20_000}
            value={metadata.description ?? ''}
            data-testid="metadata-description"
            onChange={(e) => edit({ description: e.target.value })}
          />
        </div>
      </div>
      {onOpenSection ? (
        <div className="metadata-sections">
          <button type="button" className="button small" data-testid="open-scenario" onClick={() => onOpenSection('scenario')}>
            Scenario: faults, deployments, SLO…
          </button>
          <button type="button" className="button small" data-testid="open-settings" onClick={() => onOpenSection('settings')}>
            Environment settings…
          </button>
        </div>
      ) : null}
    </section>
  );
}
