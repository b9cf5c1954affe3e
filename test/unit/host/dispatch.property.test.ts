import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src-preload/contract/index.js';
import { startApp, type RunningApp } from '../../../src-main/app/bootstrap.js';
import { createMemoryLogger } from '../../../src-main/app/logger.js';
import { argsFor, checkReply, unknownMethod } from './contract-arbitraries.js';
import { DEAD_DOCKER_HOST, ENGINE_METHODS } from './docker-arbitraries.js';
import { BRING_UP_ENGINE_METHODS } from '../docker/bring-up-arbitraries.js';
import { LIVE_RUN_METHODS, seedRuns } from './run-arbitraries.js';
import { seedModels } from './model-arbitraries.js';

let dir: string;
let app: RunningApp;
const rejections: unknown[] = [];
const onRejection = (reason: unknown): void => void rejections.push(reason);

beforeAll(() => {
  process.on('unhandledRejection', onRejection);
  dir = mkdtempSync(join(tmpdir(), 'devsim-dispatch-'));
  app = startApp({ mode: 'browser', dataDir: dir, log: createMemoryLogger(), docker: { env: { DOCKER_HOST: DEAD_DOCKER_HOST } } });
  seedRuns(app.ctx.store);
  seedModels(app.ctx.store);
  // Stand-ins for the desktop's native dialogs, so their handlers run too.
  app.ctx.dialogs = { pickOpenPath: () => Promise.resolve(null), pickSavePath: (name) => Promise.resolve(join(dir, name.replace(/[/\\]/g, '_') || 'x.yaml')) };
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
    // (Pausing or stepping needs a run that is going, which random input never has.)
    // (Nor do the Docker methods that need an engine: the fuzzed app has none.)
    if (!LIVE_RUN_METHODS.includes(method) && !ENGINE_METHODS.includes(method) && !BRING_UP_ENGINE_METHODS.includes(method)) expect(seen.ok).toBeGreaterThan(100);
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

  it('answers method values that are not strings with UNKNOWN_METHOD', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything().filter((m) => typeof m !== 'string'), async (method) => {
        expect(checkReply(method, undefined, await app.dispatch(method, undefined))).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  // Found by fast-check: String(method) throws for such an object; the dispatcher must not.
  it('answers a method object whose toString is not callable', async () => {
    await expect(app.dispatch({ toString: 0 }, undefined)).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('still answers a valid call afterwards', async () => {
    expect((await app.dispatch('healthCheck', undefined)).ok).toBe(true);
  });
});
