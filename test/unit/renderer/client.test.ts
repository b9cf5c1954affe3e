import { describe, expect, it } from 'vitest';
import { ContractError, DEFAULT_SETTINGS, type EventName, type MethodName } from '../../../src-preload/contract/index.js';
import { createBridgeTransport } from '../../../src-renderer/src/api/bridge-transport.js';
import { createClient, parseReply } from '../../../src-renderer/src/api/client.js';
import { createOfflineTransport } from '../../../src-renderer/src/api/offline-transport.js';
import type { Transport } from '../../../src-renderer/src/api/transport.js';

/** A transport that answers each method with a canned raw reply and lets the test push events. */
function scripted(replies: Partial<Record<MethodName, unknown>>) {
  const calls: [MethodName, unknown][] = [];
  const listeners = new Map<EventName, (p: unknown) => void>();
  const transport: Transport = {
    call: (m, a) => {
      calls.push([m, a]);
      return Promise.resolve(replies[m]);
    },
    subscribe: (name, l) => {
      listeners.set(name, l);
      return () => listeners.delete(name);
    },
    status: () => ({ state: 'connected' }),
    onStatus: () => () => {},
    close: () => {},
  };
  return { transport, calls, push: (name: EventName, payload: unknown) => listeners.get(name)?.(payload) };
}

const caught = async (p: Promise<unknown>): Promise<ContractError> => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ContractError);
  return err as ContractError;
};

describe('client: replies', () => {
  it('returns the parsed result, with contract defaults filled in', async () => {
    const { transport, calls } = scripted({ getSettings: { ok: true, result: { theme: 'dark' } } });
    const api = createClient(transport);
    await expect(api.getSettings()).resolves.toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(calls).toEqual([['getSettings', undefined]]);
  });

  it('passes arguments through unchanged', async () => {
    const { transport, calls } = scripted({ setSettings: { ok: true, result: { autosaveSeconds: 5 } } });
    await createClient(transport).setSettings({ autosaveSeconds: 5 });
    expect(calls).toEqual([['setSettings', { autosaveSeconds: 5 }]]);
  });

  it('throws the ContractError an error reply carries: code, message and where', async () => {
    const error = { code: 'BAD_REQUEST', message: 'args.autosaveSeconds: Too big', where: 'setSettings' };
    const { transport } = scripted({ setSettings: { ok: false, error } });
    const err = await caught(createClient(transport).setSettings({ autosaveSeconds: 99999 }));
    expect(err.toPayload()).toEqual(error);
  });

  it('turns a reply that is not an envelope into an INTERNAL error naming the method', async () => {
    const err = await caught(parseReplyAsync('listRecent', { result: [] }));
    expect(err.code).toBe('INTERNAL');
    expect(err.where).toBe('listRecent');
  });

  it('turns a result outside the contract into an INTERNAL error', async () => {
    const err = await caught(parseReplyAsync('listRecent', { ok: true, result: [{ path: 3 }] }));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('result.0.path');
  });
});

const parseReplyAsync = (m: MethodName, raw: unknown): Promise<unknown> => Promise.resolve().then(() => parseReply(m, raw));

describe('client: events', () => {
  it('delivers payloads parsed with the contract and drops those outside it', () => {
    const { transport, push } = scripted({});
    const violations: string[] = [];
    const api = createClient(transport, (m) => violations.push(m));
    const got: unknown[] = [];
    const off = api.onSettingsChanged((s) => got.push(s));
    push('settingsChanged', { theme: 'light' });
    push('settingsChanged', { theme: 'purple' });
    off();
    push('settingsChanged', { theme: 'dark' });
    expect(got).toEqual([{ ...DEFAULT_SETTINGS, theme: 'light' }]);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain('settingsChanged');
  });
});

describe('bridge transport (Electron)', () => {
  it('calls window.devsim functions and parses what they resolve to', async () => {
    const seen: unknown[] = [];
    const bridge = {
      addRecent: (args: unknown) => {
        seen.push(args);
        return Promise.resolve({ ok: true, result: [{ path: '/x.devsim.yaml', name: 'x', openedAt: '2025-01-01T00:00:00Z' }] });
      },
      onRecentChanged: (l: (p: unknown) => void) => {
        l([]);
        return () => {};
      },
    };
    const api = createClient(createBridgeTransport(bridge));
    await expect(api.addRecent({ path: '/x.devsim.yaml' })).resolves.toHaveLength(1);
    expect(seen).toEqual([{ path: '/x.devsim.yaml' }]);
    const events: unknown[] = [];
    api.onRecentChanged((l) => events.push(l));
    expect(events).toEqual([[]]);
  });

  it('reports an IPC failure as UNAVAILABLE and a missing function as UNKNOWN_METHOD', async () => {
    const api = createClient(createBridgeTransport({ getSettings: () => Promise.reject(new Error('render frame was disposed')) }));
    const down = await caught(api.getSettings());
    expect(down.code).toBe('UNAVAILABLE');
    expect(down.message).toContain('render frame was disposed');
    expect((await caught(api.healthCheck())).code).toBe('UNKNOWN_METHOD');
  });
});

describe('offline transport', () => {
  it('is disconnected with its reason and refuses every call', async () => {
    const t = createOfflineTransport('missing token: open the URL the host printed');
    expect(t.status()).toEqual({ state: 'disconnected', reason: 'missing token: open the URL the host printed' });
    const err = await caught(createClient(t).appInfo());
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toContain('missing token');
  });
});
