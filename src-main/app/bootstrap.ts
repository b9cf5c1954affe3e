import type { AppInfo, EventPayload } from '../../src-preload/contract/index.js';
import { createDispatcher, type Dispatch } from '../host/dispatch.js';
import { DockerService, type DockerServiceOptions } from '../docker/index.js';
import { BringUpService } from '../docker/bring-up/service.js';
import { RunService } from '../runs/run-service.js';
import type { WorkerMischief } from '../runs/worker-protocol.js';
import { Store } from '../store/store.js';
import type { OpenOptions } from '../store/database.js';
import { describeApp } from './app-info.js';
import { recordChaosOnRuns } from './chaos-to-runs.js';
import { EventBus } from './event-bus.js';
import { createHandlers, type AppContext } from './handlers.js';
import type { Logger } from './logger.js';

export interface StartOptions extends OpenOptions {
  mode: AppInfo['mode'];
  dataDir: string;
  log: Logger;
  /** The built run worker; default: out/main/run-worker.js beside the entry. */
  runWorkerFile?: string;
  /** Tests only: every run's worker fails on purpose (runs/test-failure.ts). */
  runFailure?: WorkerMischief;
  /** Where to look for the Docker engine (tests); default: this process's env and home. */
  docker?: Partial<Pick<DockerServiceOptions, 'env' | 'home' | 'platform' | 'backoff'>>;
}

export interface RunningApp {
  ctx: AppContext;
  /** The single entry both transports call. */
  dispatch: Dispatch;
  /** Ends the runs still going (stored as cancelled), then closes the store. */
  close(): void;
}

/** Opens the store and wires the handlers; the same for the desktop app and browser mode. */
export function startApp(options: StartOptions): RunningApp {
  const store = Store.open(options.dataDir, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const bus = new EventBus();
  const runs = new RunService({
    repo: store.runs,
    models: store.models,
    bus,
    log: options.log,
    ...(options.runWorkerFile ? { workerFile: options.runWorkerFile } : {}),
    ...(options.runFailure ? { mischief: options.runFailure } : {}),
  });
  const docker = new DockerService({ ...options.docker, setting: () => store.settings.get().dockerHost, emit: (name, payload) => bus.emit(name, payload) });
  const bringUp = new BringUpService({ client: () => docker.client(), emit: (name, payload) => bus.emit(name, payload) });
  recordChaosOnRuns(bus, runs, options.log);
  let dockerHost = store.settings.get().dockerHost;
  bus.subscribe((name, payload) => {
    if (name !== 'settingsChanged') return;
    const next = (payload as EventPayload<'settingsChanged'>).dockerHost;
    if (next === dockerHost) return;
    dockerHost = next;
    docker.settingChanged();
  });
  const ctx: AppContext = {
    store,
    bus,
    runs,
    docker,
    bringUp,
    info: describeApp(options.mode, options.dataDir, store.db),
    startedAt: Date.now(),
  };
  const dispatch = createDispatcher(createHandlers(ctx), options.log);
  return {
    ctx,
    dispatch,
    close: () => {
      runs.close();
      bringUp.close();
      docker.close();
      store.close();
    },
  };
}
