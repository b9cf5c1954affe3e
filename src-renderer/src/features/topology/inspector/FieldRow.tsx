import { useId, useState } from 'react';
import { formatPath } from '../../../../../src-preload/contract/index.js';
import type { FieldPath } from '../../../stores/field-edits.js';
import { useInspector } from './inspector-context.js';
import type { FieldSpec } from './schema-walk.js';
import type { Parsed } from './value-text.js';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const shown = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** Sends a parsed value to the document as one command; keeps the reasons it was refused to show at the field. */
export function useFieldEdit(path: FieldPath): { issues: string[]; apply(parsed: Parsed): boolean; clear(): void } {
  const { set, unset } = useInspector();
  const [issues, setIssues] = useState<string[]>([]);
  return {
    issues,
    apply: (parsed) => {
      if ('error' in parsed) {
        setIssues([parsed.error]);
        return false;
      }
      const refused = 'unset' in parsed ? unset(path) : set(path, parsed.value);
      setIssues(refused.map((i) => i.message));
      return refused.length === 0;
    },
    clear: () => setIssues([]),
  };
}

/** The text a field shows when empty: its default, or that it is not set. */
export function placeholderOf(spec: FieldSpec): string {
  if (spec.fallback === null) return 'none';
  if (spec.fallback !== undefined) return `default: ${shown(spec.fallback)}`;
  return spec.required ? '' : 'not set';
}

/** Reset to the default (or clear an optional field) when the value differs from what leaving it out gives. */
export function ResetButton({ spec, value, onReset }: { spec: FieldSpec; value: unknown; onReset(): void }): React.JSX.Element | null {
  const hasDefault = spec.fallback !== undefined;
  if (hasDefault ? same(value, spec.fallback) : spec.required || value === undefined) return null;
  return (
    <button
      type="button"
      className="field-reset"
      data-testid="field-reset"
      title={hasDefault ? `Reset to the default: ${shown(spec.fallback)}` : 'Remove this optional field'}
      onClick={onReset}
    >
      {hasDefault ? 'Reset' : 'Clear'}
    </button>
  );
}

interface RowProps {
  spec: FieldSpec;
  value: unknown;
  issues: string[];
  onReset(): void;
  /** Extra line under the input: the range of a number. */
  hint?: string | null;
  children(ids: { input: string; describedBy: string }): React.ReactNode;
}

/** One field: label with unit and help, the input, the reset button, and what is wrong with it (refusals and findings). */
export function FieldRow({ spec, value, issues, onReset, hint = null, children }: RowProps): React.JSX.Element {
  const id = useId();
  const path = formatPath(spec.path);
  const describedBy = [spec.help !== undefined ? `${id}-help` : '', issues.length > 0 ? `${id}-issues` : ''].filter(Boolean).join(' ');
  return (
    <div className="inspector-field" data-field-path={path} data-testid="inspector-field" data-invalid={issues.length > 0 || undefined}>
      <div className="inspector-field-head">
        <label htmlFor={`${id}-input`} title={spec.help}>
          {spec.label}
          {spec.unit !== undefined ? <span className="field-unit"> ({spec.unit})</span> : null}
        </label>
        {spec.help !== undefined ? (
          <span className="field-help" title={spec.help} aria-hidden="true">
            ?
          </span>
        ) : null}
        <ResetButton spec={spec} value={value} onReset={onReset} />
      </div>
      {children({ input: `${id}-input`, describedBy })}
      {hint !== null ? <span className="muted small field-hint">{hint}</span> : null}
      {spec.help !== undefined ? (
        <span id={`${id}-help`} className="visually-hidden">
          {spec.help}
        </span>
      ) : null}
      {issues.length > 0 ? (
        <div id={`${id}-issues`}>
          {issues.map((m) => (
            <p key={m} className="field-error" role="alert" data-testid="field-error">
              {m}
            </p>
          ))}
        </div>
      ) : null}
      <FieldFindings path={path} />
    </div>
  );
}

/** The validator's findings placed at a field or section, worst first. */
export function FieldFindings({ path }: { path: string }): React.JSX.Element | null {
  const findings = useInspector().findingsAt(path);
  if (findings.length === 0) return null;
  return (
    <ul className="field-findings">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`field-finding ${f.severity}`} data-testid="field-finding" data-severity={f.severity}>
          {f.message}
        </li>
      ))}
    </ul>
  );
}
