import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../src-preload/contract/index.js';
import { reconnectDelay } from '../../../src-renderer/src/api/backoff.js';
import type { ConnectionStatus } from '../../../src-renderer/src/api/transport.js';
import { createWsTransport } from '../../../src-renderer/src/api/ws-transport.js';
import { FakeTimers, fakeSockets, flush } from './fake-socket.js';

function setup() {
  const net = fakeSockets();
  const timers = new FakeTimers();
  const violations: string[] = [];
  const transport = createWsTransport({ url: 'ws://127.0.0.1:1/ws?token=t', open: net.open, timers, onViolation: (m) => violations.push(m) });
  const statuses: ConnectionStatus[] = [];
  transport.onStatus((s) => statuses.push(s));
  return { net, timers, transport, statuses, violations };
}

const rejection = async (p: Promise<unknown>): Promise<ContractError> => {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ContractError);
    return err as ContractError;
  }
  throw new Error('expected the call to fail');
};

describe('WebSocket transport', () => {
  it('opens the URL it was given and reports connecting, then connected', () => {
    const { net, transport, statuses } = setup();
    expect(net.last().url).toBe('ws://127.0.0.1:1/ws?token=t');
    expect(transport.status()).toEqual({ state: 'connecting' });
    net.last().open();
    expect(statuses).toEqual([{ state: 'connected' }]);
  });

  it('holds calls made while connecting and sends them as call frames once open', async () => {
    const { net, transport } = setup();
    const p = transport.call('getSettings', undefined);
    const q = transport.call('addRecent', { path: '/a.devsim.yaml' });
    expect(net.last().sent).toEqual([]);
    net.last().open();
    expect(net.last().sent).toEqual([
      { type: 'call', id: 1, method: 'getSettings' },
      { type: 'call', id: 2, method: 'addRecent', args: { path: '/a.devsim.yaml' } },
    ]);
    net.last().reply(2, { ok: true, result: [] });
    net.last().reply(1, { ok: false, error: { code: 'STORAGE', message: 'disk full' } });
    await expect(q).resolves.toEqual({ ok: true, result: [] });
    await expect(p).resolves.toEqual({ ok: false, error: { code: 'STORAGE', message: 'disk full' } });
  });

  it('matches replies to calls by id, in any order', async () => {
    const { net, transport } = setup();
    net.last().open();
    const calls = [transport.call('appInfo', undefined), transport.call('listRecent', undefined), transport.call('healthCheck', undefined)];
    net.last().reply(3, { ok: true, result: 'c' });
    net.last().reply(1, { ok: true, result: 'a' });
    net.last().reply(2, { ok: true, result: 'b' });
    expect(await Promise.all(calls)).toEqual([
      { ok: true, result: 'a' },
      { ok: true, result: 'b' },
      { ok: true, result: 'c' },
    ]);
  });

  it('delivers pushed events to their subscribers until they unsubscribe', () => {
    const { net, transport } = setup();
    net.last().open();
    const got: unknown[] = [];
    const off = transport.subscribe('settingsChanged', (p) => got.push(p));
    transport.subscribe('recentChanged', () => got.push('wrong'));
    net.last().event('settingsChanged', { theme: 'dark' });
    off();
    net.last().event('settingsChanged', { theme: 'light' });
    expect(got).toEqual([{ theme: 'dark' }]);
  });

  it('fails calls in flight with UNAVAILABLE when the socket closes, and says why in the status', async () => {
    const { net, transport, timers } = setup();
    net.last().open();
    const p = transport.call('getSettings', undefined);
    net.last().drop(1001, 'host shutting down');
    const err = await rejection(p);
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toContain('host shutting down');
    expect(transport.status()).toEqual({ state: 'disconnected', reason: 'lost the connection to the app host: host shutting down', retryInMs: 500 });
    expect(timers.delays).toEqual([500]);
  });

  it('refuses calls at once while disconnected instead of leaving them hanging', async () => {
    const { net, transport } = setup();
    net.last().drop(1006);
    const err = await rejection(transport.call('getSettings', undefined));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toContain('cannot reach the app host');
  });

  it('reconnects with growing delays and starts over after a success', () => {
    const { net, transport, timers } = setup();
    net.last().drop();
    expect(timers.delays).toEqual([500]);
    timers.runAll();
    expect(net.sockets).toHaveLength(2);
    expect(transport.status()).toEqual({ state: 'connecting' });
    net.last().drop();
    expect(timers.delays).toEqual([1000]);
    timers.runAll();
    net.last().drop();
    expect(timers.delays).toEqual([2000]);
    timers.runAll();
    net.last().open();
    expect(transport.status()).toEqual({ state: 'connected' });
    net.last().drop();
    expect(timers.delays).toEqual([500]);
  });

  it('works again after reconnecting: new calls go over the new socket', async () => {
    const { net, transport, timers } = setup();
    net.last().open();
    net.last().drop();
    timers.runAll();
    net.last().open();
    const p = transport.call('listRecent', undefined);
    expect(net.last().sent).toEqual([{ type: 'call', id: 1, method: 'listRecent' }]);
    net.last().reply(1, { ok: true, result: [] });
    await expect(p).resolves.toEqual({ ok: true, result: [] });
  });

  it('rejects a call whose reply frame is malformed, and reports frames it cannot place', async () => {
    const { net, transport, violations } = setup();
    net.last().open();
    const p = transport.call('appInfo', undefined);
    net.last().on.message(JSON.stringify({ type: 'reply', id: 1, reply: { ok: 'yes' } }));
    expect((await rejection(p)).code).toBe('INTERNAL');
    net.last().on.message('not json');
    net.last().on.message(JSON.stringify({ type: 'gossip' }));
    expect(violations).toHaveLength(2);
  });

  it('close() fails pending calls, closes the socket and stops reconnecting', async () => {
    const { net, transport, timers } = setup();
    const p = transport.call('getSettings', undefined);
    const socket = net.last();
    transport.close();
    expect(socket.closed).toBe(true);
    expect((await rejection(p)).code).toBe('UNAVAILABLE');
    socket.drop();
    expect(timers.delays).toEqual([]);
    expect(net.sockets).toHaveLength(1);
    expect(transport.status().state).toBe('disconnected');
  });

  it('a send that throws fails only that call', async () => {
    const { net, transport } = setup();
    net.last().open();
    net.last().closed = true; // the socket is closing but has not told us yet
    const err = await rejection(transport.call('getSettings', undefined));
    expect(err.code).toBe('UNAVAILABLE');
    await flush();
    expect(transport.status()).toEqual({ state: 'connected' });
  });
});

describe('reconnectDelay', () => {
  it('doubles from half a second and stops at ten', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => reconnectDelay(n))).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  });
});
