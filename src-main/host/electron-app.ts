// The desktop shell once the app is ready and the store is open: sessions hardened, the
// renderer served, IPC registered, the menu built and the main window opened.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import type { RunningApp } from '../app/bootstrap.js';
import type { Logger } from '../app/logger.js';
import { buildMenuTemplate, type RendererCommand } from '../shell/menu-template.js';
import { APP_ENTRY_URL, isTrustedOrigin } from '../shell/origin.js';
import { WINDOW_STATE_FILE } from '../shell/window-state-file.js';
import { createFileDialogs } from './electron-dialogs.js';
import { installMenu } from './electron-menu.js';
import { serveRenderer } from './electron-protocol.js';
import { denyPermissions, guardWebContents, openExternalLink } from './electron-security.js';
import { createMainWindow, focusWindow } from './electron-window.js';
import { registerIpcHost, senderFrameCheck } from './ipc-host.js';

export interface DesktopConfig {
  running: RunningApp;
  log: Logger;
  productName: string;
  version: string;
  /** The electron-vite dev server, already checked by devRendererUrl; undefined when packaged. */
  devUrl: string | undefined;
  /** The build output folder holding main/, preload/ and renderer/. */
  outDir: string;
  docsUrl?: string | undefined;
  icon?: string | undefined;
}

export interface Desktop {
  focus(): void;
  /** A *.devsim.yaml the OS or a second instance asked us to open. */
  openDocument(path: string): void;
  close(): void;
}

export function openDesktop(config: DesktopConfig): Desktop {
  const { running, log, devUrl } = config;
  const isTrustedUrl = (url: string): boolean => isTrustedOrigin(url, { devUrl });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
  denyPermissions(session.defaultSession, log);
  serveRenderer(session.defaultSession, join(config.outDir, 'renderer'));

  const stopIpc = registerIpcHost({
    ipc: ipcMain,
    dispatch: running.dispatch,
    bus: running.ctx.bus,
    isTrustedSender: senderFrameCheck(isTrustedUrl),
    eventTargets: () =>
      BrowserWindow.getAllWindows()
        .map((w) => w.webContents)
        .filter((contents) => !contents.isDestroyed() && isTrustedUrl(contents.getURL())),
    log,
  });

  app.setAboutPanelOptions({
    applicationName: config.productName,
    applicationVersion: config.version,
    copyright: 'DevOps Simulator contributors, MIT licence',
    ...(config.docsUrl ? { website: config.docsUrl } : {}),
    ...(config.icon ? { iconPath: config.icon } : {}),
  });
  // The renderer holds the open document: these menu items become menuCommand events.
  const toRenderer = (command: RendererCommand) => (path?: string) =>
    running.ctx.bus.emit('menuCommand', path === undefined ? { command } : { command, path });
  const rendererActions = Object.fromEntries(
    (['newDocument', 'openDocument', 'openRecent', 'saveDocument', 'saveDocumentAs'] as const).map((c) => [c, toRenderer(c)]),
  );
  const menu = (recent: readonly { path: string; name: string }[]): void =>
    installMenu(
      buildMenuTemplate({
        platform: process.platform,
        isDev: !app.isPackaged,
        appName: config.productName,
        recent,
        docsUrl: config.docsUrl,
        rendererCommands: true,
      }),
      {
        ...rendererActions,
        clearRecent: () => void running.dispatch('clearRecent', undefined),
        openDocumentation: () => {
          if (config.docsUrl) openExternalLink(config.docsUrl, log);
        },
      },
    );
  menu(running.ctx.store.recent.list());
  const stopMenuUpdates = running.ctx.bus.subscribe((name, payload) => {
    if (name === 'recentChanged') menu(payload as readonly { path: string; name: string }[]);
  });

  let win: BrowserWindow | undefined;
  running.ctx.dialogs = createFileDialogs(() => win);
  const open = (): void => {
    win = createMainWindow({
      title: config.productName,
      preload: join(config.outDir, 'preload', 'index.cjs'),
      url: devUrl ?? APP_ENTRY_URL,
      stateFile: join(app.getPath('userData'), WINDOW_STATE_FILE),
      icon: config.icon,
      log,
    });
  };
  open();
  // macOS keeps the app alive without windows; clicking the dock icon opens one again.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });

  return {
    focus: () => focusWindow(win),
    openDocument: (path) => {
      // The renderer opens it (it may have unsaved work to ask about first); a window
      // still loading would miss the event, so it waits for the page.
      const send = (): void => running.ctx.bus.emit('menuCommand', { command: 'openRecent', path });
      if (win && !win.isDestroyed() && win.webContents.isLoading()) win.webContents.once('did-finish-load', send);
      else send();
    },
    close: () => {
      stopMenuUpdates();
      stopIpc();
    },
  };
}
