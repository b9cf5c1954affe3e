import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appInfoSchema,
  DEFAULT_SETTINGS,
  healthSchema,
  MAX_PAYLOAD_BYTES,
  type Reply,
} from '../../../src-preload/contract/index.js';
import { metaCsp } from '../../../src-main/host/web-csp.js';
import { rawGet, REAL_INDEX, startFixture, TestClient, upgradeStatus, type Fixture } from './web-fixture.js';

const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

let fx: Fixture;
beforeEach(async () => {
  fx = await startFixture();
});
afterEach(() => fx.close());

const resultOf = (reply: Reply): unknown => {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.result;
};
const errorCode = (reply: Reply): string | undefined => (reply.ok ? undefined : reply.error.code);

describe('browser-mode host: static files', () => {
  it('serves index.html for / with the security headers and no caching', async () => {
    const res = await rawGet(fx.host.port, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body.toString()).toBe(REAL_INDEX);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('sends a CSP header at least as strict as the page meta policy, WebSockets narrowed to its port', async () => {
    const header = String((await rawGet(fx.host.port, '/index.html')).headers['content-security-policy']);
    const meta = metaCsp(REAL_INDEX)!;
    const narrowed = meta.replace('ws://127.0.0.1:*', `ws://127.0.0.1:${fx.host.port}`);
    for (const directive of narrowed.split(';').map((d) => d.trim())) expect(header).toContain(directive);
    expect(header).not.toContain('*');
    // 'wasm-unsafe-eval' (WebAssembly for the ML lab) is allowed; JavaScript eval and inline script are not.
    expect(header).not.toMatch(/'unsafe-(inline|eval)'/);
    expect(header).toContain("frame-ancestors 'none'");
  });

  it('serves assets with their MIME types, application/wasm included', async () => {
    const js = await rawGet(fx.host.port, '/assets/app-abc123.js');
    expect([js.status, js.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    const wasm = await rawGet(fx.host.port, '/assets/model.wasm');
    expect([wasm.status, wasm.headers['content-type']]).toEqual([200, 'application/wasm']);
    expect([...wasm.body.subarray(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]);
    const css = await rawGet(fx.host.port, '/assets/style.css?v=1');
    expect([css.status, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    const head = await rawGet(fx.host.port, '/assets/app-abc123.js', { method: 'HEAD' });
    expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, '20']);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/link-out.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/nothing-here.js',
    '/assets',
  ])('refuses %s with a 404 and never sends a file outside the renderer folder', async (path) => {
    const res = await rawGet(fx.host.port, path);
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('not for the browser');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers only GET and HEAD, and only to its own host names (DNS rebinding)', async () => {
    expect((await rawGet(fx.host.port, '/', { method: 'POST' })).status).toBe(405);
    expect((await rawGet(fx.host.port, '/', { host: 'evil.example:80' })).status).toBe(403);
    expect((await rawGet(fx.host.port, '/', { host: `localhost:${fx.host.port}` })).status).toBe(200);
  });

  it('prints a loopback URL carrying a 256-bit token', () => {
    expect(fx.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
  });

  it.skipIf(!externalAddress)(
    `cannot be reached on this machine's other address${externalAddress ? '' : ' (skipped: the machine has no non-loopback IPv4 address)'}`,
    async () => {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: externalAddress!, port: fx.host.port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      expect(reached).toBe(false);
    },
  );
});

describe('browser-mode host: the contract over the WebSocket', () => {
  it('answers every method with the contract reply', async () => {
    const client = await TestClient.open(fx.wsUrl(), fx.origin);
    const info = appInfoSchema.parse(resultOf(await client.call('appInfo')));
    expect(info.mode).toBe('browser');
    expect(healthSchema.parse(resultOf(await client.call('healthCheck'))).ok).toBe(true);
    expect(resultOf(await client.call('getSettings'))).toEqual(DEFAULT_SETTINGS);
    expect(resultOf(await client.call('setSettings', { theme: 'dark' }))).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(resultOf(await client.call('getSettings'))).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(resultOf(await client.call('listRecent'))).toEqual([]);
    const added = resultOf(await client.call('addRecent', { path: '/labs/one.devsim.yaml' })) as Array<{ name: string }>;
    expect(added.map((r) => r.name)).toEqual(['one.devsim.yaml']);
    expect(resultOf(await client.call('addRecent', { path: '/labs/two.devsim.yaml' }))).toHaveLength(2);
    expect(resultOf(await client.call('removeRecent', { path: '/labs/one.devsim.yaml' }))).toHaveLength(1);
    expect(resultOf(await client.call('clearRecent'))).toEqual([]);
    expect(resultOf(await client.call('listRecent'))).toEqual([]);
    client.close();
  });

  it('pushes events to every connected client', async () => {
    const a = await TestClient.open(fx.wsUrl(), fx.origin);
    const b = await TestClient.open(`ws://localhost:${fx.host.port}/ws?token=${fx.host.token}`, `http://localhost:${fx.host.port}`);
    await a.call('setSettings', { showWelcome: false });
    const event = await b.waitFor((f): f is Extract<typeof f, { type: 'event' }> => f.type === 'event' && f.name === 'settingsChanged');
    expect(event.payload).toEqual({ ...DEFAULT_SETTINGS, showWelcome: false });
    await a.call('addRecent', { path: '/x.devsim.yaml' });
    await b.waitFor((f): f is Extract<typeof f, { type: 'event' }> => f.type === 'event' && f.name === 'recentChanged');
    a.close();
    b.close();
  });

  it('answers wrong frames with typed errors and keeps the socket open', async () => {
    const client = await TestClient.open(fx.wsUrl(), fx.origin);
    client.ws.send('{not json');
    client.ws.send(JSON.stringify({ type: 'call', id: 7, method: 42 }));
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    const [notJson, badMethod, binary] = await client.answers(3);
    expect(notJson).toMatchObject({ type: 'error', error: { code: 'BAD_REQUEST' } });
    expect(badMethod).toMatchObject({ type: 'reply', id: 7, reply: { ok: false, error: { code: 'BAD_REQUEST' } } });
    expect(binary).toMatchObject({ type: 'error', error: { code: 'BAD_REQUEST' } });
    expect(errorCode(await client.call('dropDatabase'))).toBe('UNKNOWN_METHOD');
    expect(errorCode(await client.call('setSettings', { theme: 'neon' }))).toBe('BAD_REQUEST');
    expect(errorCode(await client.call('addRecent', { path: 'a\0b' }))).toBe('BAD_REQUEST');
    expect(resultOf(await client.call('getSettings'))).toEqual(DEFAULT_SETTINGS);
    client.close();
  });
});

describe('browser-mode host: refusals', () => {
  it.each([
    ['no token', (f: Fixture) => f.wsUrl(null), (f: Fixture) => f.origin, 401],
    ['a wrong token', (f: Fixture) => f.wsUrl('x'.repeat(43)), (f: Fixture) => f.origin, 401],
    ['an empty token', (f: Fixture) => f.wsUrl(''), (f: Fixture) => f.origin, 401],
    ['a foreign Origin', (f: Fixture) => f.wsUrl(), () => 'https://evil.example', 403],
    ['a look-alike Origin', (f: Fixture) => f.wsUrl(), (f: Fixture) => `${f.origin}.evil.example`, 403],
    ['another port as Origin', (f: Fixture) => f.wsUrl(), (f: Fixture) => `http://127.0.0.1:${f.host.port + 1}`, 403],
    ['no Origin', (f: Fixture) => f.wsUrl(), () => undefined, 403],
    ['another path', (f: Fixture) => f.wsUrl().replace('/ws?', '/socket?'), (f: Fixture) => f.origin, 404],
  ] as const)('refuses an upgrade with %s, logs it once, and keeps serving', async (what, url, origin, status) => {
    const before = fx.log.lines.length;
    expect(await upgradeStatus(url(fx), origin(fx))).toBe(status);
    const logged = fx.log.lines.slice(before).filter((l) => l.includes('refused a WebSocket'));
    expect(logged, what).toHaveLength(1);
    const client = await TestClient.open(fx.wsUrl(), fx.origin);
    expect(resultOf(await client.call('getSettings'))).toEqual(DEFAULT_SETTINGS);
    client.close();
  });

  it('closes a socket that sends more than the payload limit with 1009, and serves the next client', async () => {
    const big = await TestClient.open(fx.wsUrl(), fx.origin);
    const bystander = await TestClient.open(fx.wsUrl(), fx.origin);
    big.ws.send(JSON.stringify({ type: 'call', id: 1, method: 'addRecent', args: { path: 'x'.repeat(MAX_PAYLOAD_BYTES) } }));
    expect((await big.closed).code).toBe(1009);
    expect(fx.log.lines.filter((l) => l.includes('protocol error'))).toHaveLength(1);
    expect(resultOf(await bystander.call('listRecent'))).toEqual([]);
    const next = await TestClient.open(fx.wsUrl(), fx.origin);
    expect(resultOf(await next.call('getSettings'))).toEqual(DEFAULT_SETTINGS);
    next.close();
    bystander.close();
  });

  it('accepts a message just under the limit (and the contract refuses its oversized path)', async () => {
    const client = await TestClient.open(fx.wsUrl(), fx.origin);
    const frame = JSON.stringify({ type: 'call', id: 1, method: 'addRecent', args: { path: '' } });
    const path = 'x'.repeat(MAX_PAYLOAD_BYTES - frame.length);
    expect(errorCode(await client.call('addRecent', { path }))).toBe('BAD_REQUEST');
    client.close();
  });

  it('close() tells clients it is going away and frees the port', async () => {
    const client = await TestClient.open(fx.wsUrl(), fx.origin);
    await fx.host.close();
    expect((await client.closed).code).toBe(1001);
    await expect(rawGet(fx.host.port, '/')).rejects.toThrow();
  });
});
