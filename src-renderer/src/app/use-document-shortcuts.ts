import { useEffect } from 'react';
import type { AppState } from '../stores/app-store.js';
import { documentKeyAction } from './document-keys.js';

type Actions = Pick<AppState, 'navigate' | 'open' | 'save' | 'saveAs'>;

/**
 * Ctrl/⌘+N, O, S and Shift+S. Only in browser mode: the desktop app's native menu has the
 * same accelerators and fires first, so binding them here too would run each twice.
 */
export function useDocumentShortcuts(enabled: boolean, actions: Actions): void {
  const { navigate, open, save, saveAs } = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      const action = documentKeyAction(e);
      if (!action) return;
      e.preventDefault();
      if (action === 'new') navigate('welcome');
      else if (action === 'open') void open();
      else if (action === 'save') void save();
      else void saveAs();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, navigate, open, save, saveAs]);
}
