import { useEffect } from 'react';

/**
 * Asks before the tab closes while there are unsaved changes; the title shows them too.
 * `guardUnload` is off in the desktop app: there Electron cancels the close silently unless
 * main answers `will-prevent-unload` with a dialog, which it does not do yet.
 */
export function useDocumentGuard(title: string | null, dirty: boolean, guardUnload: boolean): void {
  useEffect(() => {
    document.title = title ? `${dirty ? '• ' : ''}${title} — DevOps Simulator` : 'DevOps Simulator';
  }, [title, dirty]);

  useEffect(() => {
    if (!dirty || !guardUnload) return;
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      e.returnValue = ''; // older engines still need it to show the prompt
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, guardUnload]);
}
