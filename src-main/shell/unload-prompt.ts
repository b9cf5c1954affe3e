// The question the desktop app asks when the window is closed or reloaded with unsaved
// changes. The renderer's beforeunload handler makes Electron raise `will-prevent-unload`;
// without an answer from main Electron would cancel the close silently.

export interface UnloadPrompt {
  type: 'warning';
  buttons: string[];
  defaultId: number;
  cancelId: number;
  title: string;
  message: string;
  detail: string;
  noLink: true;
}

/** The button that lets the window close and the changes go. */
export const DISCARD_BUTTON = 0;

export function unloadPrompt(): UnloadPrompt {
  return {
    type: 'warning',
    buttons: ['Discard changes', 'Keep editing'],
    defaultId: 1,
    cancelId: 1,
    title: 'Unsaved changes',
    message: 'The open topology has changes that are not saved.',
    detail: 'If you leave now, the changes since the last save are lost (the autosave keeps a copy you can recover on the next start).',
    noLink: true,
  };
}

/** True when the person chose to leave (Electron: call event.preventDefault() to let the page unload). */
export const leaveChosen = (button: number): boolean => button === DISCARD_BUTTON;
