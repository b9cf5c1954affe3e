import type { AppInfo } from '../../src-preload/contract/index.js';
import { createDispatcher, type Dispatch } from '../host/dispatch.js';
import { Store } from '../store/store.js';
import type { OpenOptions } from '../store/database.js';
import { describeApp } from './app-info.js';
import { EventBus } from './event-bus.js';
import { createHandlers, type AppContext } from './handlers.js';
import type { Logger } from './logger.js';

export interface StartOptions extends OpenOptions {
  mode: AppInfo['mode'];
  dataDir: string;
  log: Logger;
}

export interface RunningApp {
  ctx: AppContext;
  /** The single entry both transports call. */
  dispatch: Dispatch;
  close(): void;
}

/** Opens the store and wires the handlers; the same for the desktop app and browser mode. */
export function startApp(options: StartOptions): RunningApp {
  const store = Store.open(options.dataDir, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const ctx: AppContext = {
    store,
    bus: new EventBus(),
    info: describeApp(options.mode, options.dataDir, store.db),
    startedAt: Date.now(),
  };
  const dispatch = createDispatcher(createHandlers(ctx), options.log);
  return { ctx, dispatch, close: () => store.close() };
}
