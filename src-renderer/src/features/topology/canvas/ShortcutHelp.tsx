import { useEffect, useRef } from 'react';
import { keysLabel, SHORTCUTS } from './shortcuts.js';

interface Props {
  onClose(): void;
}

/**
 * Every shortcut of the editor, printed from the list the key handler uses. A modal <dialog>:
 * the rest of the page is inert while it is open (focus stays inside) and Esc closes it.
 */
export function ShortcutHelp({ onClose }: Props): React.JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
      back?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="shortcut-help"
      data-testid="shortcut-help"
      aria-labelledby="shortcut-help-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        // A modal dialog makes the page inert, but Tab would still leave for the browser's own UI: cycle inside.
        if (e.key !== 'Tab') return;
        const stops = [...e.currentTarget.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')];
        const i = stops.indexOf(document.activeElement as HTMLElement);
        const next = stops[(i + (e.shiftKey ? -1 : 1) + stops.length) % stops.length];
        if (next) {
          e.preventDefault();
          next.focus();
        }
      }}
    >
      <header className="shortcut-help-header">
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <button type="button" className="button" onClick={onClose} data-testid="shortcut-help-close" autoFocus>
          Close
        </button>
      </header>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.what} data-testid="shortcut-row">
              <td>
                {s.kind === 'key'
                  ? s.keys.map((k, i) => (
                      <span key={i}>
                        {i > 0 ? ' or ' : null}
                        <kbd>{keysLabel(k)}</kbd>
                      </span>
                    ))
                  : <kbd>{s.shown}</kbd>}
              </td>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
