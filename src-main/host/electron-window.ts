// The main window: secure options from src-main/shell, its place restored on a visible
// display, and its size, place and maximized state saved as the person changes them.
import { BrowserWindow, dialog, nativeTheme, screen, type BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../app/logger.js';
import { leaveChosen, unloadPrompt } from '../shell/unload-prompt.js';
import { mainWindowOptions } from '../shell/window-options.js';
import { readWindowState, writeWindowState } from '../shell/window-state-file.js';
import { restoreBounds, type WindowState } from '../shell/window-state.js';

export interface MainWindowConfig {
  title: string;
  preload: string;
  /** What to load: app://devsim/index.html, or the dev server in development. */
  url: string;
  stateFile: string;
  icon?: string | undefined;
  log: Logger;
}

const SAVE_DELAY_MS = 400;

export function createMainWindow(config: MainWindowConfig): BrowserWindow {
  const saved = readWindowState(config.stateFile);
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const options: BrowserWindowConstructorOptions = mainWindowOptions({
    bounds,
    preload: config.preload,
    title: config.title,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#111418' : '#f7f8fa',
    icon: config.icon,
  });
  const win = new BrowserWindow(options);
  if (saved?.maximized) win.maximize();
  if (saved?.fullScreen) win.setFullScreen(true);
  win.once('ready-to-show', () => win.show());
  rememberState(win, config.stateFile, config.log);
  // The renderer refuses to unload while changes are unsaved; ask, and let it go on "discard".
  win.webContents.on('will-prevent-unload', (event) => {
    if (leaveChosen(dialog.showMessageBoxSync(win, unloadPrompt()))) event.preventDefault();
  });
  win.loadURL(config.url).catch((err: unknown) => config.log.error(`could not load ${config.url}`, err));
  return win;
}

function rememberState(win: BrowserWindow, file: string, log: Logger): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(timer);
    if (win.isDestroyed()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
    try {
      writeWindowState(file, state);
    } catch (err) {
      log.warn(`could not remember the window's place: ${(err as Error).message}`);
    }
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('enter-full-screen', later);
  win.on('leave-full-screen', later);
  win.on('close', save);
}

/** Brings the window to the front, e.g. when a second copy of the app was started. */
export function focusWindow(win: BrowserWindow | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
