import { useAppStore } from '../../stores/context.js';
import { AboutPanel } from './AboutPanel.js';
import { TextSettingField } from './TextSettingField.js';
import { ThemeField } from './ThemeField.js';
import '../screens.css';
import './settings.css';

const AUTOSAVE_HINT = 'Enter a whole number of seconds from 0 to 3600 (0 turns autosave off).';

export function SettingsScreen(): React.JSX.Element {
  const settings = useAppStore((s) => s.settings);
  const errors = useAppStore((s) => s.fieldErrors);
  const save = useAppStore((s) => s.saveSetting);
  const setError = useAppStore((s) => s.setFieldError);

  return (
    <section className="screen" aria-labelledby="settings-title" data-testid="screen-settings">
      <header className="screen-header">
        <h1 id="settings-title">Settings</h1>
        <p className="muted">Changes are saved as you make them.</p>
      </header>
      {settings ? (
        <section className="panel settings-form" aria-label="Preferences">
          <ThemeField value={settings.theme} />
          <TextSettingField
            name="autosaveSeconds"
            label="Autosave interval (seconds)"
            help="How often an open document is saved; 0 turns autosave off."
            inputMode="numeric"
            value={String(settings.autosaveSeconds)}
            error={errors.autosaveSeconds}
            onSave={(text) => {
              const n = Number(text);
              if (text.trim() === '' || !Number.isFinite(n)) setError('autosaveSeconds', AUTOSAVE_HINT);
              else void save('autosaveSeconds', n);
            }}
          />
          <TextSettingField
            name="dockerHost"
            label="Docker engine"
            help="A unix socket path, npipe or tcp://127.0.0.1:port. Leave empty to find it automatically."
            inputMode="text"
            placeholder="Found automatically"
            value={settings.dockerHost ?? ''}
            error={errors.dockerHost}
            onSave={(text) => void save('dockerHost', text.trim() === '' ? null : text.trim())}
          />
          <div className="field">
            <label className="checkbox-row">
              <input
                type="checkbox"
                checked={settings.showWelcome}
                onChange={(e) => void save('showWelcome', e.target.checked, { optimistic: true })}
                data-testid="setting-showWelcome"
              />
              Show the welcome screen when the app starts
            </label>
            {errors.showWelcome ? <p className="field-error" role="alert">{errors.showWelcome}</p> : null}
          </div>
        </section>
      ) : (
        <p className="muted">Loading settings…</p>
      )}
      <AboutPanel />
    </section>
  );
}
