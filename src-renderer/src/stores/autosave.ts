import type { AppState, AppStore } from './app-store.js';

export interface AutosaveTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const windowTimers: AutosaveTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Seconds until the next autosave is due, or null when there is nothing new to keep. */
function dueIn(s: AppState): number | null {
  const seconds = s.settings?.autosaveSeconds ?? 0;
  const doc = s.doc;
  if (seconds <= 0 || !doc?.document || !doc.dirty || doc.revision === doc.autosavedRevision) return null;
  return seconds;
}

/**
 * Autosaves the open document `autosaveSeconds` after it first differs from what was last
 * written (file or autosave), so a crash loses at most that much work. One timer at a time;
 * a new document or a changed interval starts it again.
 */
export function startAutosave(store: AppStore, timers: AutosaveTimers = windowTimers): () => void {
  let timer: unknown = null;
  let armed: { key: string; seconds: number } | null = null;

  const disarm = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    armed = null;
  };

  const check = (s: AppState): void => {
    const seconds = dueIn(s);
    const key = s.doc?.key ?? '';
    if (seconds === null) return disarm();
    if (armed && armed.key === key && armed.seconds === seconds) return;
    disarm();
    armed = { key, seconds };
    timer = timers.setTimeout(() => {
      timer = null;
      armed = null;
      void store
        .getState()
        .autosaveNow()
        .then(() => check(store.getState()));
    }, seconds * 1000);
  };

  const unsubscribe = store.subscribe(check);
  check(store.getState());
  return () => {
    unsubscribe();
    disarm();
  };
}
