import { useAppStore } from '../../stores/context.js';
import '../status/notice-bar.css';

const when = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

/** Unsaved work an earlier session autosaved: bring it back, or let it go. */
export function RecoveryBanner(): React.JSX.Element | null {
  const recovery = useAppStore((s) => s.recovery);
  const restore = useAppStore((s) => s.restoreAutosave);
  const discard = useAppStore((s) => s.discardRecovery);
  const busy = useAppStore((s) => s.docBusy !== null);
  if (recovery.length === 0) return null;
  return (
    <div className="notice-bar recovery" role="alert" data-testid="recovery">
      <div>
        <strong>Unsaved work was kept from last time.</strong>
        <ul className="plain-list">
          {recovery.map((a) => (
            <li key={a.key} className="recovery-item" data-testid="recovery-item">
              <span>
                {a.name} <span className="muted">({a.path ?? 'never saved'}, autosaved {when(a.savedAt)})</span>
              </span>
              <button type="button" className="button small primary" disabled={busy} onClick={() => void restore(a.key)} data-testid="recovery-restore">
                Restore
              </button>
              <button type="button" className="button small ghost" disabled={busy} onClick={() => void discard(a.key)} data-testid="recovery-discard">
                Discard
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
