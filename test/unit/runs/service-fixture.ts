// A run service over a real store in a temp folder, with the worker built from source.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EventBus } from '../../../src-main/app/event-bus.js';
import { createMemoryLogger } from '../../../src-main/app/logger.js';
import { loadDocument } from '../../../src-main/documents/load-document.js';
import { RunService, type RunServiceOptions } from '../../../src-main/runs/run-service.js';
import { Store } from '../../../src-main/store/store.js';
import type { EventName, EventPayload, RunEventDto, RunInfo, Topology } from '../../../src-preload/contract/index.js';
import { afterEach, beforeAll } from 'vitest';
import { buildRunWorker } from './worker-bundle.js';

export const templatesDir = resolve(import.meta.dirname, '../../../resources/templates');

export function template(name: string): Topology {
  const { document } = loadDocument(readFileSync(join(templatesDir, `${name}.devsim.yaml`)), name);
  if (!document) throw new Error(`the template ${name} did not load`);
  return document;
}

export interface Heard {
  name: EventName;
  payload: EventPayload<EventName>;
  at: number;
}

export interface ServiceFixture {
  service: RunService;
  store: Store;
  bus: EventBus;
  heard: Heard[];
  /** Resolves with the runFinished payload of a run. */
  finished(id: string, timeoutMs?: number): Promise<RunInfo>;
  /** Resolves once a runProgress of the run satisfies the test. */
  progress(id: string, test: (p: EventPayload<'runProgress'>) => boolean, timeoutMs?: number): Promise<EventPayload<'runProgress'>>;
  /** Resolves with the first runRecords event of the run that satisfies the test. */
  recorded(id: string, test: (e: RunEventDto) => boolean, timeoutMs?: number): Promise<RunEventDto>;
  close(): void;
}

export function startService(workerFile: string, options: Partial<RunServiceOptions> = {}): ServiceFixture {
  const dir = mkdtempSync(join(tmpdir(), 'devsim-runs-'));
  const store = Store.open(dir);
  const bus = new EventBus();
  const heard: Heard[] = [];
  const waiters = new Set<() => void>();
  bus.subscribe((name, payload) => {
    heard.push({ name, payload, at: Date.now() });
    for (const w of [...waiters]) w();
  });
  const service = new RunService({ repo: store.runs, bus, log: createMemoryLogger(), workerFile, ...options });
  const waitFor = <T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolvePromise, reject) => {
      const check = (): void => {
        const found = find();
        if (found === undefined) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolvePromise(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return {
    service,
    store,
    bus,
    heard,
    finished: (id, timeoutMs = 30_000) =>
      waitFor(() => heard.find((h) => h.name === 'runFinished' && (h.payload as RunInfo).id === id)?.payload as RunInfo | undefined, timeoutMs, `run ${id} to finish`),
    progress: (id, test, timeoutMs = 30_000) =>
      waitFor(
        () => {
          for (let i = heard.length - 1; i >= 0; i--) {
            const h = heard[i]!;
            if (h.name === 'runProgress' && (h.payload as EventPayload<'runProgress'>).id === id && test(h.payload as EventPayload<'runProgress'>)) {
              return h.payload as EventPayload<'runProgress'>;
            }
          }
          return undefined;
        },
        timeoutMs,
        `progress of run ${id}`,
      ),
    recorded: (id, test, timeoutMs = 30_000) =>
      waitFor(
        () => {
          for (const h of heard) {
            if (h.name !== 'runRecords' || (h.payload as EventPayload<'runRecords'>).id !== id) continue;
            const found = (h.payload as EventPayload<'runRecords'>).events.find(test);
            if (found) return found;
          }
          return undefined;
        },
        timeoutMs,
        `a recorded event of run ${id}`,
      ),
    close() {
      service.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file of run services: builds the worker bundle once (beforeAll) and closes every
 * fixture a test started (afterEach). Returns startService with that worker.
 */
export function runServices(): (options?: Partial<RunServiceOptions>) => ServiceFixture {
  let workerFile = '';
  let open: ServiceFixture[] = [];
  beforeAll(async () => {
    workerFile = await buildRunWorker();
  });
  afterEach(() => {
    for (const fixture of open) fixture.close();
    open = [];
  });
  return (options = {}) => {
    const fixture = startService(workerFile, options);
    open.push(fixture);
    return fixture;
  };
}
