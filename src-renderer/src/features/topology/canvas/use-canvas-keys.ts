import { useEffect, useRef } from 'react';
import { parse, stringify } from 'yaml';
import { clipboardSchema, type Clipboard } from '../../../stores/clipboard-edits.js';
import { actionOf, type CanvasAction } from './shortcuts.js';

interface Handlers {
  /** Runs an action; false when it did not apply (the key then keeps its usual meaning). */
  run(action: CanvasAction): boolean;
  /** Copies the selection; null when nothing is selected. */
  copy(): Clipboard | null;
  /** Pastes `clip` from the system clipboard, or the in-app clipboard when `clip` is null. */
  paste(clip: Clipboard | null): void;
}

const typing = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** The system clipboard's text as copied nodes, when it is one (YAML of `clipboardSchema`); null otherwise. */
export function clipboardFromText(text: string): Clipboard | null {
  try {
    const parsed = clipboardSchema.safeParse(parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The editor's keys, from the shortcut list. Copy also puts the nodes on the system clipboard as
 * YAML (in the page's copy event: no permission needed); paste takes nodes from it when it holds
 * some, else the in-app copy. Keys typed into fields keep their usual meaning.
 */
export function useCanvasKeys(handlers: Handlers, enabled: boolean): void {
  const h = useRef(handlers);
  useEffect(() => {
    h.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    let copied: Clipboard | null = null;
    let pastePending = false;
    const onKey = (e: KeyboardEvent): void => {
      if (typing(e.target)) return;
      const action = actionOf(e);
      if (action === 'copy') {
        // Not prevented: the browser's copy event follows and carries the YAML out.
        copied = h.current.copy();
      } else if (action === 'paste') {
        // The paste event follows in the same task when the browser has one; otherwise paste in-app.
        pastePending = true;
        setTimeout(() => {
          if (pastePending) h.current.paste(null);
          pastePending = false;
        }, 0);
      } else if (action !== null && h.current.run(action)) {
        e.preventDefault();
      }
    };
    const onCopy = (e: ClipboardEvent): void => {
      if (copied === null || typing(e.target)) return;
      e.clipboardData?.setData('text/plain', stringify(copied));
      e.preventDefault();
      copied = null;
    };
    const onPaste = (e: ClipboardEvent): void => {
      if (typing(e.target)) return;
      pastePending = false;
      h.current.paste(clipboardFromText(e.clipboardData?.getData('text/plain') ?? ''));
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [enabled]);
}
