import { useId, type FormEvent } from 'react';
import { FieldError } from './FieldError.js';

interface Props {
  name: string;
  label: string;
  help: string;
  /** The stored value as text; the input restarts from it whenever it changes. */
  value: string;
  inputMode: 'numeric' | 'text';
  placeholder?: string;
  error: string | undefined;
  /** Saves the text; returns whether it was accepted. */
  onSave(text: string): void;
}

/** A text or number setting saved on Enter or when it loses focus, with its refusal shown inline. */
export function TextSettingField(p: Props): React.JSX.Element {
  const id = useId();
  const errorId = `${p.name}-error`;
  const submit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem(p.name) as HTMLInputElement;
    p.onSave(input.value);
  };
  return (
    <form className="field" onSubmit={submit} noValidate>
      <label htmlFor={id}>{p.label}</label>
      <input
        key={p.value}
        id={id}
        name={p.name}
        className="text-input"
        defaultValue={p.value}
        inputMode={p.inputMode}
        placeholder={p.placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? errorId : `${p.name}-help`}
        data-testid={`setting-${p.name}`}
        onBlur={(e) => {
          if (e.currentTarget.value !== p.value) p.onSave(e.currentTarget.value);
        }}
      />
      <p id={`${p.name}-help`} className="muted small">
        {p.help}
      </p>
      <FieldError id={errorId} message={p.error} />
    </form>
  );
}
