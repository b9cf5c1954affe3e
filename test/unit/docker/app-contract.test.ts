// The Docker methods through the app's own dispatcher (what both transports call): the
// setting chooses the engine, arguments are validated in main, errors arrive typed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { DockerStatus, EventName, ImageSummary, Reply } from '../../../src-preload/contract/index.js';
import { startApp, type RunningApp } from '../../../src-main/app/bootstrap.js';
import { createMemoryLogger } from '../../../src-main/app/logger.js';
import { dockerHost, engineIt, rawClient, TEST_IMAGE, uniqueName, waitFor } from './engine-fixture.js';

let dir: string;
let app: RunningApp;
const seen: { name: EventName; payload: unknown }[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'devsim-docker-app-'));
  // No engine by the environment: only the setting can find one.
  app = startApp({ mode: 'browser', dataDir: dir, log: createMemoryLogger(), docker: { env: { DOCKER_HOST: 'unix:///nonexistent/devsim.sock' }, backoff: { initialMs: 200, maxMs: 1000 } } });
  app.ctx.bus.subscribe((name, payload) => void seen.push({ name, payload }));
});
afterAll(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, args?: unknown): Promise<Reply> => app.dispatch(method, args);
const result = <T>(reply: Reply): T => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.result as T;
};
const errorCode = (reply: Reply): string => (reply.ok ? 'ok' : reply.error.code);

describe('Docker through the contract (real engine)', () => {
  engineIt('connects where the Settings say, and reports unavailable again when the setting points nowhere', async () => {
    expect(result<DockerStatus>(await call('dockerStatus')).state).toBe('unavailable');
    result(await call('setSettings', { dockerHost: dockerHost }));
    await waitFor('a connected status event', () => seen.some((e) => e.name === 'dockerStatus' && (e.payload as DockerStatus).state === 'connected'));
    const status = result<DockerStatus>(await call('dockerStatus'));
    expect(status).toMatchObject({ state: 'connected', endpoint: { url: dockerHost, source: 'setting', kind: 'unix' } });
    expect(status.message).toMatch(/^Connected to .* \(API 1\.\d+, linux\//);
    result(await call('setSettings', { dockerHost: '/nonexistent/other.sock' }));
    await waitFor('an unavailable status naming the setting', () => app.ctx.docker.status().state === 'unavailable');
    expect(app.ctx.docker.status().tried[0]).toMatchObject({ url: 'unix:///nonexistent/other.sock', source: 'setting' });
    result(await call('setSettings', { dockerHost: dockerHost }));
    await waitFor('connected again', () => app.ctx.docker.status().state === 'connected');
  });

  engineIt('validates every argument in main and answers with typed errors', async () => {
    result(await call('dockerConnect', { endpoint: dockerHost }));
    expect(errorCode(await call('containerAction', { id: '../../etc', action: 'start' }))).toBe('BAD_REQUEST');
    expect(errorCode(await call('containerAction', { id: 'web-1', action: 'rm' }))).toBe('BAD_REQUEST');
    expect(errorCode(await call('removeContainers', { operationId: 'x' }))).toBe('BAD_REQUEST'); // neither ids nor topologyId
    expect(errorCode(await call('inspectContainer', { id: uniqueName('none') }))).toBe('NOT_FOUND');
    const foreign = uniqueName('foreign');
    await rawClient().createContainer({ name: foreign, Image: TEST_IMAGE, Cmd: ['true'] });
    expect(errorCode(await call('containerAction', { id: foreign, action: 'start' }))).toBe('FORBIDDEN');
    expect(errorCode(await call('removeContainer', { id: foreign, explicit: true }))).toBe('ok');
  });

  engineIt('lists images and removes one; a missing image is IMAGE_MISSING', async () => {
    result(await call('dockerConnect', { endpoint: dockerHost }));
    const repo = `devsim-test/tagged-${process.pid}`;
    await rawClient().getImage(TEST_IMAGE).tag({ repo, tag: 'x' });
    const images = result<ImageSummary[]>(await call('listImages'));
    expect(images.find((i) => i.tags.includes(`${repo}:x`))).toMatchObject({ sizeBytes: expect.any(Number) });
    expect(result<{ removed: string[] }>(await call('removeImage', { image: `${repo}:x` })).removed).toEqual([`${repo}:x`]);
    expect(result<ImageSummary[]>(await call('listImages')).some((i) => i.tags.includes(`${repo}:x`))).toBe(false);
    expect(errorCode(await call('removeImage', { image: `${repo}:x` }))).toBe('IMAGE_MISSING');
  });
});
