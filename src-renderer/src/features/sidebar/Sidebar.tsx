import { useRef, useState, type KeyboardEvent } from 'react';
import { AREA_ICONS } from '../../app/area-icons.js';
import { AREAS } from '../../app/areas.js';
import { useAppStore } from '../../stores/context.js';
import { LogoMark } from '../../ui/icons.js';
import { nextIndex } from './roving.js';
import './sidebar.css';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** The areas, one button each; a roving tabindex makes the list one Tab stop with arrow keys inside. */
export function Sidebar(): React.JSX.Element {
  const area = useAppStore((s) => s.area);
  const navigate = useAppStore((s) => s.navigate);
  const activeIndex = AREAS.findIndex((a) => a.id === area);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const tabStop = focusIndex ?? activeIndex;

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const next = nextIndex(e.key, index, AREAS.length);
    if (next === null) return;
    e.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  return (
    <nav className="sidebar" aria-label="Areas">
      <div className="brand">
        <span className="brand-mark">
          <LogoMark size={20} />
        </span>
        <span className="brand-name">DevOps Simulator</span>
      </div>
      <ul className="nav-list">
        {AREAS.map((a, i) => {
          const Icon = AREA_ICONS[a.id];
          const shortcut = a.key ? `${isMac ? '⌘' : 'Ctrl+'}${a.key}` : undefined;
          return (
            <li key={a.id}>
              <button
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                type="button"
                className="nav-item"
                data-testid={`nav-${a.id}`}
                aria-current={a.id === area ? 'page' : undefined}
                aria-keyshortcuts={a.key ? `${isMac ? 'Meta' : 'Control'}+${a.key}` : undefined}
                tabIndex={i === tabStop ? 0 : -1}
                title={shortcut ? `${a.label} (${shortcut})` : a.label}
                onClick={() => {
                  setFocusIndex(i);
                  navigate(a.id);
                }}
                onKeyDown={(e) => onKeyDown(e, i)}
                onFocus={() => setFocusIndex(i)}
              >
                <Icon />
                <span className="nav-label">{a.label}</span>
                {shortcut ? <kbd className="nav-shortcut">{shortcut}</kbd> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
