import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsPatchSchema, type EventName, type MethodName, type Settings } from '../../../src-preload/contract/index.js';
import { createClient } from '../../../src-renderer/src/api/client.js';
import type { ConnectionStatus, Transport } from '../../../src-renderer/src/api/transport.js';
import { createAppStore, selectReady } from '../../../src-renderer/src/stores/app-store.js';
import { startSync } from '../../../src-renderer/src/stores/sync.js';
import { flush } from './fake-socket.js';

/** An in-memory host behind a controllable connection: enough contract for the stores. */
function fakeHost(initial: Partial<Settings> = {}) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...initial };
  let status: ConnectionStatus = { state: 'connecting' };
  const statusListeners = new Set<(s: ConnectionStatus) => void>();
  const eventListeners = new Map<EventName, Set<(p: unknown) => void>>();
  const calls: MethodName[] = [];
  const emit = (name: EventName, payload: unknown): void => eventListeners.get(name)?.forEach((l) => l(payload));
  const ok = (result: unknown) => ({ ok: true, result });
  const transport: Transport = {
    call: (method, args) => {
      calls.push(method);
      if (status.state !== 'connected') return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'down' } });
      switch (method) {
        case 'getSettings':
          return Promise.resolve(ok(settings));
        case 'setSettings': {
          const patch = settingsPatchSchema.safeParse(args);
          if (!patch.success) return Promise.resolve({ ok: false, error: { code: 'BAD_REQUEST', message: 'args.autosaveSeconds: Too big' } });
          settings = { ...settings, ...patch.data } as Settings;
          emit('settingsChanged', settings);
          return Promise.resolve(ok(settings));
        }
        case 'appInfo':
          return Promise.resolve(
            ok({ name: 'DevOps Simulator', version: '0.1.0', mode: 'browser', platform: 'linux', arch: 'x64', versions: { node: '20', sqlite: '3' }, dataDir: '/d' }),
          );
        case 'listRecent':
        case 'listTemplates':
        case 'listAutosaves':
          return Promise.resolve(ok([]));
        default:
          return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: method } });
      }
    },
    subscribe: (name, l) => {
      const set = eventListeners.get(name) ?? new Set();
      eventListeners.set(name, set.add(l));
      return () => set.delete(l);
    },
    status: () => status,
    onStatus: (l) => {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
    close: () => {},
  };
  const setStatus = (s: ConnectionStatus): void => {
    status = s;
    statusListeners.forEach((l) => l(s));
  };
  const api = createClient(transport);
  return { api, connection: { api, status: transport.status, onStatus: transport.onStatus }, calls, emit, setStatus, settings: () => settings };
}

function started(initial: Partial<Settings> = {}) {
  const host = fakeHost(initial);
  const store = createAppStore(host.api, host.connection.status());
  const stop = startSync(store, host.connection);
  return { host, store, stop };
}

describe('stores: sync with the host', () => {
  it('is not ready until connected and the settings are loaded', async () => {
    const { host, store } = started();
    expect(selectReady(store.getState())).toBe(false);
    host.setStatus({ state: 'connected' });
    expect(selectReady(store.getState())).toBe(false);
    await flush();
    expect(selectReady(store.getState())).toBe(true);
    expect(store.getState().appInfo?.mode).toBe('browser');
  });

  it('fetches everything again after a reconnect, since events sent meanwhile were lost', async () => {
    const { host, store } = started();
    host.setStatus({ state: 'connected' });
    await flush();
    host.setStatus({ state: 'disconnected', reason: 'lost the connection to the app host (code 1006)' });
    expect(store.getState().connection).toEqual({ state: 'disconnected', reason: 'lost the connection to the app host (code 1006)' });
    expect(selectReady(store.getState())).toBe(false);
    host.calls.length = 0;
    host.setStatus({ state: 'connected' });
    await flush();
    expect(host.calls.sort()).toEqual(['appInfo', 'getSettings', 'listRecent', 'listTemplates']);
  });

  it('applies pushed settings and recent lists', async () => {
    const { host, store } = started();
    host.setStatus({ state: 'connected' });
    await flush();
    host.emit('settingsChanged', { ...DEFAULT_SETTINGS, theme: 'dark' });
    host.emit('recentChanged', [{ path: '/a.devsim.yaml', name: 'a', openedAt: '2025-01-01T00:00:00Z' }]);
    expect(store.getState().settings?.theme).toBe('dark');
    expect(store.getState().recent).toHaveLength(1);
  });

  it('starts in Topology when the welcome screen is turned off, unless the person already moved', async () => {
    const a = started({ showWelcome: false });
    a.host.setStatus({ state: 'connected' });
    await flush();
    expect(a.store.getState().area).toBe('topology');

    const b = started({ showWelcome: false });
    b.store.getState().navigate('run');
    b.host.setStatus({ state: 'connected' });
    await flush();
    expect(b.store.getState().area).toBe('run');
  });
});

describe('stores: settings', () => {
  it('saves a field and clears an earlier refusal of it', async () => {
    const { host, store } = started();
    host.setStatus({ state: 'connected' });
    await flush();
    expect(await store.getState().saveSetting('autosaveSeconds', 99999)).toBe(false);
    expect(store.getState().fieldErrors.autosaveSeconds).toBe('args.autosaveSeconds: Too big');
    expect(await store.getState().saveSetting('autosaveSeconds', 60)).toBe(true);
    expect(store.getState().fieldErrors).toEqual({});
    expect(store.getState().settings?.autosaveSeconds).toBe(60);
    expect(host.settings().autosaveSeconds).toBe(60);
  });

  it('an optimistic change shows at once and is put back when the host refuses it', async () => {
    const { host, store } = started();
    host.setStatus({ state: 'connected' });
    await flush();
    const pending = store.getState().saveSetting('theme', 'dark', { optimistic: true });
    expect(store.getState().settings?.theme).toBe('dark');
    await pending;
    expect(store.getState().settings?.theme).toBe('dark');

    host.setStatus({ state: 'disconnected', reason: 'gone' });
    const refused = store.getState().saveSetting('theme', 'light', { optimistic: true });
    expect(store.getState().settings?.theme).toBe('light');
    expect(await refused).toBe(false);
    expect(store.getState().settings?.theme).toBe('dark');
    expect(store.getState().fieldErrors.theme).toBe('down');
  });
});

describe('stores: native menu commands', () => {
  it('arrive as events: File ▸ New goes to the template gallery, Save without a document says so, unknown ones are dropped', async () => {
    const { host, store } = started();
    host.setStatus({ state: 'connected' });
    await flush();
    store.getState().navigate('run');
    host.emit('menuCommand', { command: 'newDocument' });
    expect(store.getState().area).toBe('welcome');
    host.emit('menuCommand', { command: 'saveDocument' });
    expect(store.getState().notice).toBe('No document is open.');
    store.getState().dismissNotice();
    host.emit('menuCommand', { command: 'format disk' });
    expect(store.getState().notice).toBeNull();
  });

  it('looks for autosaved work once, on the first connect', async () => {
    const { host } = started();
    host.setStatus({ state: 'connected' });
    await flush();
    host.setStatus({ state: 'disconnected', reason: 'x' });
    host.setStatus({ state: 'connected' });
    await flush();
    expect(host.calls.filter((c) => c === 'listAutosaves')).toHaveLength(1);
  });
});

describe('stores: stale answers', () => {
  it('a re-fetch that was overtaken by a pushed recent list does not undo it', async () => {
    let answer: (v: unknown) => void = () => {};
    const events = new Map<string, (p: unknown) => void>();
    const transport: Transport = {
      call: (m) => (m === 'listRecent' ? new Promise((r) => (answer = r)) : Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'x' } })),
      subscribe: (n, l) => {
        events.set(n, l);
        return () => {};
      },
      status: () => ({ state: 'connected' }),
      onStatus: () => () => {},
      close: () => {},
    };
    const api = createClient(transport);
    const store = createAppStore(api, { state: 'connected' });
    api.onRecentChanged((l) => store.getState().applyRecent(l));
    const loading = store.getState().loadRecent();
    const news = [{ path: '/new.devsim.yaml', name: 'new', openedAt: '2025-01-01T00:00:00Z' }];
    events.get('recentChanged')!(news);
    answer({ ok: true, result: [] });
    await loading;
    expect(store.getState().recent).toEqual(news);
  });
});
