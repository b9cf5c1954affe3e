import { useEffect } from 'react';

/**
 * Asks before the tab or window closes while there are unsaved changes; the title shows them
 * too. In the desktop app main answers Electron's `will-prevent-unload` with a native dialog.
 */
export function useDocumentGuard(title: string | null, dirty: boolean): void {
  useEffect(() => {
    document.title = title ? `${dirty ? '• ' : ''}${title} — DevOps Simulator` : 'DevOps Simulator';
  }, [title, dirty]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      e.returnValue = ''; // older engines still need it to show the prompt
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
