import { AREAS } from './areas.js';
import { useAreaShortcuts } from './use-shortcuts.js';
import { useTheme } from './use-theme.js';
import { selectReady } from '../stores/app-store.js';
import { useAppStore } from '../stores/context.js';
import { Sidebar } from '../features/sidebar/Sidebar.js';
import { NoticeBar } from '../features/status/NoticeBar.js';
import { StatusBar } from '../features/status/StatusBar.js';
import { CurrentScreen } from './CurrentScreen.js';
import './shell.css';

/** The window's frame: sidebar, the current area, status bar. */
export function Shell(): React.JSX.Element {
  const theme = useAppStore((s) => s.settings?.theme ?? 'system');
  const ready = useAppStore(selectReady);
  const area = useAppStore((s) => s.area);
  const navigate = useAppStore((s) => s.navigate);
  useTheme(theme);
  useAreaShortcuts(navigate);
  const label = AREAS.find((a) => a.id === area)?.label ?? '';

  return (
    <div className="shell" data-testid={ready ? 'app-ready' : 'app-starting'} aria-busy={!ready}>
      <Sidebar />
      <main className="content" aria-label={label}>
        <NoticeBar />
        <CurrentScreen />
      </main>
      <StatusBar />
    </div>
  );
}
