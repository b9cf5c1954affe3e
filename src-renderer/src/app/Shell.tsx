import { useShallow } from 'zustand/react/shallow';
import { AREAS } from './areas.js';
import { useAreaShortcuts } from './use-shortcuts.js';
import { useDocumentGuard } from './use-document-guard.js';
import { useDocumentShortcuts } from './use-document-shortcuts.js';
import { useTheme } from './use-theme.js';
import { selectReady } from '../stores/app-store.js';
import { useAppStore } from '../stores/context.js';
import { RecoveryBanner } from '../features/documents/RecoveryBanner.js';
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
  const browser = useAppStore((s) => s.appInfo?.mode === 'browser');
  const docActions = useAppStore(useShallow((s) => ({ navigate: s.navigate, open: s.open, save: s.save, saveAs: s.saveAs })));
  const docTitle = useAppStore((s) => s.doc?.document?.metadata.name ?? s.doc?.name ?? null);
  const dirty = useAppStore((s) => s.doc?.dirty ?? false);
  useTheme(theme);
  useAreaShortcuts(navigate);
  useDocumentShortcuts(browser, docActions);
  useDocumentGuard(docTitle, dirty);
  const label = AREAS.find((a) => a.id === area)?.label ?? '';

  return (
    <div className="shell" data-testid={ready ? 'app-ready' : 'app-starting'} aria-busy={!ready}>
      <Sidebar />
      <main className="content" aria-label={label}>
        <NoticeBar />
        <RecoveryBanner />
        <CurrentScreen />
      </main>
      <StatusBar />
    </div>
  );
}
