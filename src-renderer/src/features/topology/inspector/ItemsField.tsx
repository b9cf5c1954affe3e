import { useState } from 'react';
import { formatPath } from '../../../../../src-preload/contract/index.js';
import { FieldFindings, ResetButton } from './FieldRow.js';
import { FieldList } from './FieldView.js';
import { useInspector } from './inspector-context.js';
import { firstValue, itemForm, type ItemsSpec } from './schema-walk.js';

/** A list of objects as a section: one block of fields per item, each removable, and an Add button (each one command). */
export function ItemsField({ spec, value }: { spec: ItemsSpec; value: unknown }): React.JSX.Element {
  const { set, unset, countWithin } = useInspector();
  const [issues, setIssues] = useState<string[]>([]);
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const path = formatPath(spec.path);
  const nested = countWithin(path);
  const report = (refused: { message: string }[]): void => setIssues(refused.map((i) => i.message));
  return (
    <details className="inspector-section" data-field-path={path} data-testid="inspector-section">
      <summary title={spec.help}>
        <span className="section-label">{spec.label}</span>
        <span className="muted small"> {items.length}</span>
        {nested > 0 ? <span className="section-findings" aria-label={`${nested} finding${nested === 1 ? '' : 's'}`}>{nested}</span> : null}
        <ResetButton spec={spec} value={value} onReset={() => report(unset(spec.path))} />
      </summary>
      {spec.help !== undefined ? <p className="muted small section-help">{spec.help}</p> : null}
      <FieldFindings path={path} />
      {items.map((item, i) => {
        const form = itemForm(spec, i);
        return (
          <div key={i} className="inspector-item" data-testid="inspector-item" data-field-path={formatPath([...spec.path, i])}>
            <div className="inspector-field-head">
              <span className="section-label">
                {spec.label} {i + 1}
              </span>
              <button type="button" className="field-reset" data-testid="item-remove" onClick={() => report(unset([...spec.path, i]))}>
                Remove
              </button>
            </div>
            {form.kind === 'object' || form.kind === 'variants' ? <FieldList spec={form} value={item} /> : null}
          </div>
        );
      })}
      <button type="button" className="button small" data-testid="item-add" onClick={() => report(set([...spec.path, items.length], firstValue(itemForm(spec, items.length))))}>
        Add
      </button>
      {issues.map((m) => (
        <p key={m} className="field-error" role="alert" data-testid="field-error">
          {m}
        </p>
      ))}
    </details>
  );
}
