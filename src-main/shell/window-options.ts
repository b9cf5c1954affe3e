// The main window's options as plain data, so a test can hold every security flag to
// account. Electron's own types check these where src-main/host creates the window.
import { MIN_SIZE, type Rect } from './window-state.js';

export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Chromium's spell checker downloads dictionaries from Google; topology names are not prose.
    spellcheck: false,
    safeDialogs: true,
    disableDialogs: false,
  } as const;
}

export interface MainWindowInput {
  bounds: Rect;
  preload: string;
  title: string;
  /** Paints before the first frame, so a dark OS does not flash white. */
  backgroundColor: string;
  /** Linux and Windows window icon (macOS uses the bundle's). */
  icon?: string | undefined;
}

export function mainWindowOptions(input: MainWindowInput) {
  return {
    ...input.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: input.title,
    backgroundColor: input.backgroundColor,
    ...(input.icon === undefined ? {} : { icon: input.icon }),
    // Shown on ready-to-show, so the person never sees an empty frame.
    show: false,
    webPreferences: secureWebPreferences(input.preload),
  };
}
