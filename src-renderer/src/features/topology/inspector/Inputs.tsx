import { useState } from 'react';
import { useAppStore } from '../../../stores/context.js';
import { FieldRow, placeholderOf, useFieldEdit } from './FieldRow.js';
import type { ChoiceSpec, FieldSpec, ListSpec, NumberSpec, TextSpec } from './schema-walk.js';
import { parseJson, parseList, parseNumber, rangeHint, textOf, type Parsed } from './value-text.js';

/** The text being typed, reset whenever the document's value changes (an edit, undo, another node). */
function useDraft(text: string): [string, (next: string) => void] {
  const [state, setState] = useState({ base: text, draft: text });
  if (state.base !== text) {
    setState({ base: text, draft: text });
    return [text, (draft) => setState({ base: text, draft })];
  }
  return [state.draft, (draft) => setState({ base: text, draft })];
}

interface TypedProps {
  spec: FieldSpec;
  value: unknown;
  text: string;
  parse(text: string): Parsed;
  multiline?: boolean;
  hint?: string | null;
  inputMode?: 'decimal' | 'text';
}

/**
 * A field typed as text: it commits on blur or Enter (Ctrl+Enter in a multi-line one), one
 * command per change; Escape puts the document's value back. A refused value stays in the
 * box with the reason beside it, and the document is unchanged.
 */
function TypedField({ spec, value, text, parse, multiline = false, hint = null, inputMode = 'text' }: TypedProps): React.JSX.Element {
  const edit = useFieldEdit(spec.path);
  const [draft, setDraft] = useDraft(text);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const commit = (): void => {
    if (draft === text) return edit.clear();
    edit.apply(parse(draft));
  };
  const onKeyDown = (e: React.KeyboardEvent): void => {
    // Nothing typed since the last commit: Ctrl+Z / Ctrl+Shift+Z are the document's undo and redo, not the text box's.
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z' && draft === text) {
      e.preventDefault();
      if (e.shiftKey) redo();
      else undo();
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      setDraft(text);
      edit.clear();
    }
  };
  return (
    <FieldRow spec={spec} value={value} issues={edit.issues} hint={hint} onReset={() => edit.apply({ unset: true })}>
      {({ input, describedBy }) => {
        const common = {
          id: input,
          className: `text-input${multiline ? ' mono' : ''}`,
          value: draft,
          placeholder: placeholderOf(spec),
          'aria-invalid': edit.issues.length > 0 || undefined,
          'aria-describedby': describedBy || undefined,
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(e.target.value),
          onBlur: commit,
          onKeyDown,
        };
        return multiline ? <textarea {...common} rows={Math.min(8, Math.max(2, draft.split('\n').length))} spellCheck={false} /> : <input {...common} type="text" inputMode={inputMode} />;
      }}
    </FieldRow>
  );
}

export function NumberField({ spec, value }: { spec: NumberSpec; value: unknown }): React.JSX.Element {
  return <TypedField spec={spec} value={value} text={textOf(value)} parse={(t) => parseNumber(t, spec)} hint={rangeHint(spec)} inputMode="decimal" />;
}

export function TextField({ spec, value }: { spec: TextSpec; value: unknown }): React.JSX.Element {
  const parse = (t: string): Parsed => (t === '' && !spec.required ? { unset: true } : { value: t });
  return <TypedField spec={spec} value={value} text={textOf(value)} parse={parse} />;
}

export function JsonField({ spec, value }: { spec: FieldSpec; value: unknown }): React.JSX.Element {
  const text = value === undefined ? '' : JSON.stringify(value, null, 2);
  return <TypedField spec={spec} value={value} text={text} parse={(t) => parseJson(t, spec.required)} multiline />;
}

/** Numbers or texts, one per line. */
export function LinesField({ spec, value }: { spec: ListSpec; value: unknown }): React.JSX.Element {
  const text = Array.isArray(value) ? value.map(textOf).join('\n') : '';
  return <TypedField spec={spec} value={value} text={text} parse={(t) => parseList(t, spec)} multiline hint="One per line" />;
}

export function ChoiceField({ spec, value }: { spec: ChoiceSpec; value: unknown }): React.JSX.Element {
  const edit = useFieldEdit(spec.path);
  const current = typeof value === 'string' ? value : '';
  return (
    <FieldRow spec={spec} value={value} issues={edit.issues} onReset={() => edit.apply({ unset: true })}>
      {({ input, describedBy }) => (
        <select
          id={input}
          className="text-input"
          value={current}
          aria-describedby={describedBy || undefined}
          aria-invalid={edit.issues.length > 0 || undefined}
          onChange={(e) => edit.apply(e.target.value === '' ? { unset: true } : { value: e.target.value })}
        >
          {current === '' || !spec.required ? <option value="">{spec.fallback !== undefined ? `default (${String(spec.fallback)})` : 'not set'}</option> : null}
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )}
    </FieldRow>
  );
}

export function BooleanField({ spec, value }: { spec: FieldSpec; value: unknown }): React.JSX.Element {
  const edit = useFieldEdit(spec.path);
  return (
    <FieldRow spec={spec} value={value} issues={edit.issues} onReset={() => edit.apply({ unset: true })}>
      {({ input, describedBy }) => (
        <input
          id={input}
          type="checkbox"
          className="field-checkbox"
          checked={value === true}
          aria-describedby={describedBy || undefined}
          onChange={(e) => edit.apply({ value: e.target.checked })}
        />
      )}
    </FieldRow>
  );
}

/** A list of choices: one checkbox each, in the schema's order. */
export function ChoiceListField({ spec, value }: { spec: ListSpec & { item: 'choice' }; value: unknown }): React.JSX.Element {
  const edit = useFieldEdit(spec.path);
  const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
  const toggle = (option: string, on: boolean): void => {
    const next = spec.options.filter((o) => (o === option ? on : chosen.has(o)));
    edit.apply({ value: next });
  };
  return (
    <FieldRow spec={spec} value={value} issues={edit.issues} onReset={() => edit.apply({ unset: true })}>
      {({ input, describedBy }) => (
        <div id={input} role="group" className="field-choices" aria-describedby={describedBy || undefined}>
          {spec.options.map((o) => (
            <label key={o} className="checkbox-row">
              <input type="checkbox" checked={chosen.has(o)} onChange={(e) => toggle(o, e.target.checked)} /> {o}
            </label>
          ))}
        </div>
      )}
    </FieldRow>
  );
}
