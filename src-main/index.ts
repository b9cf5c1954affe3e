// Electron bootstrap only: who the app is, one instance, the store, then the secure shell
// (src-main/host). Decisions that can be pure live in src-main/shell and are tested there.
import { join } from 'node:path';
import { app, dialog } from 'electron';
import { APP_VERSION, PRODUCT_NAME } from './app/app-info.js';
import { startApp, type RunningApp } from './app/bootstrap.js';
import { createConsoleLogger } from './app/logger.js';
import { openDesktop, type Desktop } from './host/electron-app.js';
import { registerAppScheme } from './host/electron-protocol.js';
import { findDocumentArgument } from './shell/document-args.js';
import { devRendererUrl } from './shell/origin.js';
import { electronNativeBinding } from './store/native-binding.js';
import { StoreError } from './store/store-error.js';
import pkg from '../package.json' with { type: 'json' };

const log = createConsoleLogger('main');
process.on('uncaughtException', (err) => log.error('uncaught exception', err));
process.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', reason));

app.setName(PRODUCT_NAME);
registerAppScheme(); // must happen before 'ready'

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let desktop: Desktop | undefined;
  let running: RunningApp | undefined;
  let pendingDocument = findDocumentArgument(process.argv, process.cwd());

  const openDocument = (path: string): void => {
    if (desktop) desktop.openDocument(path);
    else pendingDocument = path;
  };
  app.on('second-instance', (_event, argv, cwd) => {
    desktop?.focus();
    const path = findDocumentArgument(argv, cwd);
    if (path) openDocument(path);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault(); // macOS: a document double-clicked in Finder
    openDocument(path);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    desktop?.close();
    running?.close();
  });

  const start = (): void => {
    const binding = electronNativeBinding({
      isPackaged: app.isPackaged,
      appRoot: app.getAppPath(),
      electronVersion: process.versions.electron ?? '',
      resourcesPath: process.resourcesPath,
    });
    // Loading Node's build under Electron fails with an ABI error nobody can act on; say what to do.
    if (binding.problem) throw new Error(binding.problem);
    running = startApp({
      mode: 'desktop',
      dataDir: app.getPath('userData'),
      log,
      ...(binding.path ? { nativeBinding: binding.path } : {}),
    });
    desktop = openDesktop({
      running,
      log,
      productName: PRODUCT_NAME,
      version: APP_VERSION,
      devUrl: devRendererUrl(process.env['ELECTRON_RENDERER_URL'], app.isPackaged),
      outDir: join(import.meta.dirname, '..'),
      docsUrl: (pkg as { homepage?: string }).homepage,
      icon: app.isPackaged ? undefined : join(app.getAppPath(), 'resources', 'icons', 'png', '512.png'),
    });
    if (pendingDocument) desktop.openDocument(pendingDocument);
  };

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      // A store we cannot use (damaged, newer, foreign) is left untouched: say why, then quit.
      const message = err instanceof Error ? err.message : String(err);
      log.error('the app could not start', err);
      dialog.showErrorBox(
        err instanceof StoreError ? `${PRODUCT_NAME} cannot open its data` : `${PRODUCT_NAME} could not start`,
        message,
      );
      app.exit(1);
    });
}
