import { useId, useState } from 'react';
import { useAppStore } from '../../../stores/context.js';
import { renameGroup, renameNode } from '../../../stores/rename-edits.js';
import type { InspectorTarget } from './field-paths.js';

interface Props {
  target: Extract<InspectorTarget, { type: 'node' | 'group' }>;
  onRenamed(target: InspectorTarget): void;
}

/** The id, renamed as one command (links and everything else naming it follow); a taken or malformed id is refused here. */
export function RenameField({ target, onRenamed }: Props): React.JSX.Element {
  const applyEdit = useAppStore((s) => s.applyEdit);
  const document = useAppStore((s) => s.doc?.document);
  const [draft, setDraft] = useState(target.id);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const commit = (): void => {
    const to = draft.trim();
    if (!document || to === target.id) return setError(null);
    const result = target.type === 'node' ? renameNode(document, target.id, to) : renameGroup(document, target.id, to);
    if ('refused' in result) return setError(result.refused);
    setError(null);
    applyEdit(`Rename ${target.id} → ${to}`, () => result.doc);
    onRenamed({ type: target.type, id: to });
  };
  return (
    <div className="inspector-field" data-field-path={`${target.type === 'node' ? 'nodes' : 'groups'}.${target.id}#id`} data-invalid={error !== null || undefined}>
      <div className="inspector-field-head">
        <label htmlFor={id} title="Links, groups, faults and alert rules that name it follow the new id">
          Id
        </label>
      </div>
      <input
        id={id}
        className="text-input mono"
        value={draft}
        spellCheck={false}
        data-testid="inspector-rename"
        aria-invalid={error !== null || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') {
            setDraft(target.id);
            setError(null);
          }
        }}
      />
      {error !== null ? (
        <p className="field-error" role="alert" data-testid="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
