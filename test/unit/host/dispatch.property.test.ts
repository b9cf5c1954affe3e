import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src-preload/contract/index.js';
import { startApp, type RunningApp } from '../../../src-main/app/bootstrap.js';
import { createMemoryLogger } from '../../../src-main/app/logger.js';
import { argsFor, checkReply, unknownMethod } from './contract-arbitraries.js';

/** Values String() can convert; see the KNOWN BUG test for the ones it cannot. */
function printable(value: unknown): boolean {
  try {
    String(value);
    return true;
  } catch {
    return false;
  }
}

let dir: string;
let app: RunningApp;
const rejections: unknown[] = [];
const onRejection = (reason: unknown): void => void rejections.push(reason);

beforeAll(() => {
  process.on('unhandledRejection', onRejection);
  dir = mkdtempSync(join(tmpdir(), 'devsim-dispatch-'));
  app = startApp({ mode: 'browser', dataDir: dir, log: createMemoryLogger() });
});
afterAll(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
  process.off('unhandledRejection', onRejection);
});

describe('dispatcher under random input (fast-check)', () => {
  it.each(METHOD_NAMES)('%s: valid args give a result that parses with the contract, others BAD_REQUEST', async (method) => {
    const seen = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(argsFor(method), async (args) => {
        const reply = await app.dispatch(method, args);
        expect(checkReply(method, args, reply)).toBeUndefined();
        seen[reply.ok ? 'ok' : 'refused']++;
      }),
      { numRuns: 1000 },
    );
    // Both paths were exercised: the handlers ran (and wrote the store), and refusals happened.
    expect(seen.ok).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
    expect(rejections).toEqual([]);
  });

  it('answers unknown method names with UNKNOWN_METHOD', async () => {
    await fc.assert(
      fc.asyncProperty(unknownMethod, fc.anything(), async (method, args) => {
        expect(checkReply(method, args, await app.dispatch(method, args))).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    expect(rejections).toEqual([]);
  });

  it('answers method values that are not strings (but can be printed) with UNKNOWN_METHOD', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything().filter((m) => typeof m !== 'string' && printable(m)), async (method) => {
        expect(checkReply(method, undefined, await app.dispatch(method, undefined))).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  // KNOWN BUG, found by fast-check: dispatch.ts calls String(method), which throws for an object
  // like {toString: 0}, and throws again in its catch, so dispatch() rejects instead of replying.
  // Neither transport can send a non-string method today (the WebSocket frame schema and the
  // IPC channel name are strings), but the dispatcher promises never to throw. dispatch.ts is
  // not this suite's to edit: when it is fixed, this turns red; make it a plain it() then.
  it.fails('KNOWN BUG: dispatch rejects for a method object whose toString is not callable', async () => {
    await expect(app.dispatch({ toString: 0 }, undefined)).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('still answers a valid call afterwards', async () => {
    expect((await app.dispatch('healthCheck', undefined)).ok).toBe(true);
  });
});
