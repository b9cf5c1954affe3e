import { THEMES, type Settings } from '../../../../src-preload/contract/index.js';
import { useAppStore } from '../../stores/context.js';
import { FieldError } from './FieldError.js';

const LABELS: Record<Settings['theme'], string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

export function ThemeField({ value }: { value: Settings['theme'] }): React.JSX.Element {
  const save = useAppStore((s) => s.saveSetting);
  const error = useAppStore((s) => s.fieldErrors.theme);
  return (
    <fieldset className="field" aria-describedby={error ? 'theme-error' : undefined}>
      <legend>Theme</legend>
      <div className="radio-row">
        {THEMES.map((t) => (
          <label key={t} className="radio">
            <input type="radio" name="theme" value={t} checked={value === t} onChange={() => void save('theme', t, { optimistic: true })} data-testid={`theme-${t}`} />
            {LABELS[t]}
          </label>
        ))}
      </div>
      <FieldError id="theme-error" message={error} />
    </fieldset>
  );
}
