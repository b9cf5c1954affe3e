import type { AppInfo, Handlers, RecentDocument } from '../../src-preload/contract/index.js';
import { createDocumentHandlers } from '../documents/handlers.js';
import type { Store } from '../store/store.js';
import type { EventBus } from './event-bus.js';

export interface AppContext {
  store: Store;
  bus: EventBus;
  /** Facts about this process that do not change while it runs. */
  info: AppInfo;
  startedAt: number;
}

/** The contract's methods, implemented once for both transports. */
export function createHandlers(ctx: AppContext): Handlers {
  const { store, bus } = ctx;
  return {
    appInfo: () => ctx.info,
    healthCheck: () => {
      const checks = [storageCheck(store)];
      return { ok: checks.every((c) => c.ok), uptimeMs: Date.now() - ctx.startedAt, checks };
    },
    getSettings: () => store.settings.get(),
    setSettings: (patch) => {
      const settings = store.settings.set(patch);
      bus.emit('settingsChanged', settings);
      return settings;
    },
    listRecent: () => store.recent.list(),
    addRecent: ({ path }) => announceRecent(bus, store.recent.add(path)),
    removeRecent: ({ path }) => announceRecent(bus, store.recent.remove(path)),
    clearRecent: () => announceRecent(bus, store.recent.clear()),
    ...createDocumentHandlers(store, bus),
  };
}

function announceRecent(bus: EventBus, list: RecentDocument[]): RecentDocument[] {
  bus.emit('recentChanged', list);
  return list;
}

function storageCheck(store: Store): { name: string; ok: boolean; detail: string } {
  try {
    const mode = store.db.pragma('journal_mode', { simple: true });
    return { name: 'storage', ok: true, detail: `${store.file} (journal ${String(mode)})` };
  } catch (err) {
    return { name: 'storage', ok: false, detail: (err as Error).message };
  }
}
