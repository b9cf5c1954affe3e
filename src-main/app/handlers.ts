import { ContractError, type AppInfo, type Handlers, type RecentDocument } from '../../src-preload/contract/index.js';
import { createDockerHandlers } from '../docker/handlers.js';
import { createBringUpHandlers } from '../docker/bring-up/handlers.js';
import type { BringUpService } from '../docker/bring-up/service.js';
import type { DockerService } from '../docker/docker-service.js';
import { createDocumentHandlers } from '../documents/handlers.js';
import { createFileHandlers } from '../files/handlers.js';
import { createModelHandlers } from '../models/handlers.js';
import { ModelService } from '../models/model-service.js';
import { createRunHandlers } from '../runs/handlers.js';
import type { RunService } from '../runs/run-service.js';
import type { Store } from '../store/store.js';
import type { EventBus } from './event-bus.js';

/** Native file dialogs: only the desktop app has them (set by src-main/host once a window exists). */
export interface FileDialogs {
  pickOpenPath(): Promise<string | null>;
  pickSavePath(suggestedName: string): Promise<string | null>;
}

export interface AppContext {
  store: Store;
  dialogs?: FileDialogs;
  bus: EventBus;
  runs: RunService;
  docker: DockerService;
  bringUp: BringUpService;
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
    ...createFileHandlers(),
    ...createRunHandlers(ctx.runs),
    ...createDockerHandlers(ctx.docker),
    ...createBringUpHandlers(ctx.bringUp),
    ...createModelHandlers(new ModelService(store.models)),
    pickOpenPath: async () => ({ path: await dialogs(ctx).pickOpenPath() }),
    pickSavePath: async ({ suggestedName }) => ({ path: await dialogs(ctx).pickSavePath(suggestedName) }),
  };
}

function announceRecent(bus: EventBus, list: RecentDocument[]): RecentDocument[] {
  bus.emit('recentChanged', list);
  return list;
}

function dialogs(ctx: AppContext): FileDialogs {
  if (!ctx.dialogs) throw new ContractError('UNAVAILABLE', 'Browser mode has no file dialogs: open a file with upload and save with download.');
  return ctx.dialogs;
}

function storageCheck(store: Store): { name: string; ok: boolean; detail: string } {
  try {
    const mode = store.db.pragma('journal_mode', { simple: true });
    return { name: 'storage', ok: true, detail: `${store.file} (journal ${String(mode)})` };
  } catch (err) {
    return { name: 'storage', ok: false, detail: (err as Error).message };
  }
}
