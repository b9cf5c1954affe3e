import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, replySchema, type Reply } from '../../../src-preload/contract/index.js';
import { checkReply, realCall, unknownMethod } from './contract-arbitraries.js';
import { rawExchange, startFixture, TestClient, type Fixture } from './web-fixture.js';

// One message as a client could send it, and what the host must answer.
type Message =
  | { kind: 'call'; method: unknown; args: unknown } // a well-formed frame: answered by id
  | { kind: 'text'; text: string } // anything else in a text frame
  | { kind: 'binary'; bytes: Uint8Array };

const asJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

const message: fc.Arbitrary<Message> = fc.oneof(
  { weight: 4, arbitrary: realCall.map(({ method, args }) => ({ kind: 'call' as const, method, args: asJson(args) })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('call' as const), method: unknownMethod, args: fc.jsonValue() }) },
  // Random JSON values, random strings (lone surrogates included), mangled call frames.
  { weight: 1, arbitrary: fc.jsonValue().map((v) => ({ kind: 'text' as const, text: JSON.stringify(v) })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ kind: 'text' as const, text })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ type: fc.oneof(fc.constant('call'), fc.jsonValue()), id: fc.jsonValue(), method: fc.jsonValue(), args: fc.jsonValue() }, { requiredKeys: [] })
      .map((frame) => ({ kind: 'text' as const, text: JSON.stringify(frame) })),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'binary' as const, bytes })) },
);

let fx: Fixture;
let client: TestClient;
const rejections: unknown[] = [];
const onRejection = (reason: unknown): void => void rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  fx = await startFixture();
  client = await TestClient.open(fx.wsUrl(), fx.origin);
});
afterAll(async () => {
  client.close();
  await fx.close();
  process.off('unhandledRejection', onRejection);
});

// Ids of well-formed calls, far from any id a random frame might carry by chance.
let nextId = 2 ** 40;

describe('browser-mode host under random messages (fast-check)', () => {
  it('answers every message exactly once with a typed reply, keeps the socket open and never rejects', async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 40 }), async (batch) => {
        client.frames.length = 0;
        const calls = new Map<number, { method: unknown; args: unknown }>();
        for (const m of batch) {
          if (m.kind === 'call') {
            const id = nextId++;
            calls.set(id, m);
            client.ws.send(JSON.stringify({ type: 'call', id, method: m.method, args: m.args }));
          } else if (m.kind === 'text') client.ws.send(m.text);
          else client.ws.send(m.bytes, { binary: true });
        }
        sent += batch.length;
        const answers = await client.answers(batch.length);
        expect(answers).toHaveLength(batch.length);
        for (const answer of answers) {
          if (answer.type === 'error') {
            expect(answer.error.code).toBe('BAD_REQUEST');
            continue;
          }
          if (answer.type !== 'reply') throw new Error(`unexpected frame ${JSON.stringify(answer)}`);
          expect(replySchema.safeParse(answer.reply).success).toBe(true);
          const call = calls.get(answer.id);
          if (call === undefined) {
            // A random frame whose id was readable: refused by id (or, if it happened to be
            // well formed, its made-up method is unknown), never run.
            expect(answer.reply.ok).toBe(false);
            expect(['BAD_REQUEST', 'UNKNOWN_METHOD']).toContain((answer.reply as Extract<Reply, { ok: false }>).error.code);
            continue;
          }
          expect(checkReply(call.method, call.args, answer.reply)).toBeUndefined();
          calls.delete(answer.id);
        }
        expect(calls.size).toBe(0);
        expect(client.ws.readyState).toBe(client.ws.OPEN);
      }),
      { numRuns: 1000 },
    );
    expect(sent).toBeGreaterThan(3000);
    expect(rejections).toEqual([]);
  });

  it('answers random request targets, plain and as WebSocket upgrades, with a status and keeps serving', async () => {
    const target = fc.oneof(
      fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 60 }),
      fc.constantFrom('//[', '/ws?token=%', '/ws?token=%00', '/%', '*', 'http://evil/ws', '/ws#x', '//ws', '/ws/../ws'),
    );
    await fc.assert(
      fc.asyncProperty(target, fc.boolean(), async (path, upgrade) => {
        const headers = upgrade
          ? `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: ${fx.origin}\r\n`
          : '';
        const status = await rawExchange(fx.host.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${fx.host.port}\r\n${headers}\r\n`);
        // 101 only with the right token, which a random target does not carry.
        expect([200, 400, 401, 403, 404]).toContain(status);
      }),
      { numRuns: 300 },
    );
    expect(rejections).toEqual([]);
  });

  it('still serves a valid call, on the same socket and on a new one', async () => {
    client.frames.length = 0;
    expect((await client.call('healthCheck')).ok).toBe(true);
    const fresh = await TestClient.open(fx.wsUrl(), fx.origin);
    await fresh.call('setSettings', DEFAULT_SETTINGS);
    expect(await fresh.call('getSettings')).toEqual({ ok: true, result: DEFAULT_SETTINGS });
    fresh.close();
    expect(rejections).toEqual([]);
  });

  it('logs a flood of bad frames a few times, not once per frame', () => {
    const badLines = fx.log.lines.filter((l) => l.includes('bad frame'));
    expect(badLines.length).toBeLessThanOrEqual(6);
  });
});
