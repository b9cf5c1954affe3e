// The engine going away mid-stream and coming back, on a SECOND private engine so the
// other docker tests keep theirs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { DockerStatus } from '../../../src-preload/contract/index.js';
import { startTestEngine, stopTestEngine, type TestEngine } from '../../../scripts/test-engine.mjs';
import type { DockerService } from '../../../src-main/docker/index.js';
import { engineIt, makeService, TEST_IMAGE, waitFor, type RecordedEvent } from './engine-fixture.js';

const parent = mkdtempSync(join(tmpdir(), 'devsim-engine2-'));
const dir = join(parent, 'engine');
let engine: TestEngine | null = null;
let service: DockerService | null = null;

afterAll(async () => {
  service?.close();
  await stopTestEngine(dir);
  rmSync(parent, { recursive: true, force: true });
});

describe('engine stopped mid-stream (second private engine)', () => {
  engineIt(
    'reports unavailable with what to do, ends the open streams, then reconnects and re-syncs when the engine is back',
    async () => {
      engine = await startTestEngine({ dir });
      let events: RecordedEvent[];
      ({ service, events } = makeService(engine.dockerHost));
      const statuses = (): DockerStatus[] => events.filter((e) => e.name === 'dockerStatus').map((e) => e.payload as DockerStatus);
      const c = await service.createManagedContainer({ Image: TEST_IMAGE, Cmd: ['sh', '-c', 'while true; do echo tick; sleep 0.2; done'], Labels: { 'io.devsim.test': 'loss' }, HostConfig: { Init: true } });
      await c.start();
      expect(service.status()).toMatchObject({ state: 'connected', endpoint: { url: engine.dockerHost, source: 'DOCKER_HOST' } });
      expect(service.status().engine).toMatchObject({ name: expect.any(String), apiVersion: expect.stringMatching(/^1\.\d+$/), os: 'linux' });
      await service.startLogs({ streamId: 'loss-logs', id: c.id, follow: true, timestamps: false, tail: 0 });
      await waitFor('a live log line', () => events.some((e) => e.name === 'logChunk'));

      await stopTestEngine(dir);
      const down = await waitFor('status unavailable', () => statuses().find((s) => s.state === 'unavailable'));
      expect(down.message).toMatch(/Lost the Docker engine|No Docker engine answered/);
      expect(down.message).toMatch(/Start Docker/);
      expect(down.retryInMs).toBeGreaterThan(0);
      await waitFor('the log stream to end', () => events.some((e) => e.name === 'dockerStreamEnded'));
      expect((await service.listContainers('all').catch((err: { code: string }) => err.code)) as unknown).toBe('DOCKER_UNAVAILABLE');

      const before = events.length;
      engine = await startTestEngine({ dir }); // same socket path, fresh engine
      await waitFor('the automatic reconnect', () => service!.status().state === 'connected', 15_000);
      await waitFor('a re-sync of the list', () => events.slice(before).some((e) => e.name === 'containersChanged' && (e.payload as { reason: string }).reason === 'resync'));
    },
    45_000,
  );
});
