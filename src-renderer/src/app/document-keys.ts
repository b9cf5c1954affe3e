/** The document action a key press asks for (Ctrl, or ⌘ on macOS), or null if it is not one. */
export type DocumentKeyAction = 'new' | 'open' | 'save' | 'saveAs';

export function documentKeyAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): DocumentKeyAction | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 's') return e.shiftKey ? 'saveAs' : 'save';
  if (e.shiftKey) return null;
  if (key === 'n') return 'new';
  if (key === 'o') return 'open';
  return null;
}
