// The containers service against the private engine: lifecycle, the live list driven by
// engine events, the label safety rule, and a container removed behind the app's back.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { ContractError, type ContainerSummary } from '../../../src-preload/contract/index.js';
import type { DockerService } from '../../../src-main/docker/index.js';
import { dockerHost, engineIt, makeService, rawClient, TEST_IMAGE, uniqueName, waitFor, type RecordedEvent } from './engine-fixture.js';

/** sh as PID 1 ignores SIGTERM: Init gives it a real init so stop takes milliseconds. */
const LOOP = ['sh', '-c', 'while true; do sleep 0.2; done'];

let service: DockerService;
let events: RecordedEvent[];

beforeAll(() => {
  ({ service, events } = makeService());
});
afterAll(() => service.close());

function latestList(): ContainerSummary[] | undefined {
  const last = events.filter((e) => e.name === 'containersChanged').at(-1);
  return (last?.payload as { containers: ContainerSummary[] } | undefined)?.containers;
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (err) {
    return err instanceof ContractError ? err.code : `untyped: ${String(err)}`;
  }
}

describe('containers service (real engine)', () => {
  engineIt('takes a managed container through start, pause, unpause, restart, stop and remove', async () => {
    const name = uniqueName('life');
    await service.createManagedContainer({ name, Image: TEST_IMAGE, Cmd: LOOP, Labels: { 'io.devsim.test': 'lifecycle' }, HostConfig: { Init: true } });
    const states: string[] = [];
    for (const action of ['start', 'pause', 'unpause', 'restart', 'stop'] as const) {
      const after = await service.containerAction({ id: name, action, explicit: false, timeoutS: 2 });
      states.push(`${action}→${after.state}`);
    }
    expect(states).toEqual(['start→running', 'pause→paused', 'unpause→running', 'restart→running', 'stop→exited']);
    const summary = (await service.listContainers('managed')).find((c) => c.name === name)!;
    expect(summary).toMatchObject({ managed: true, image: TEST_IMAGE, labels: { 'io.devsim.test': 'lifecycle' } });
    const inspected = await service.inspectContainer(name);
    expect((inspected['Config'] as { Image: string }).Image).toBe(TEST_IMAGE);
    const { removed } = await service.removeContainer({ id: name, force: false, explicit: false });
    expect(removed).toBe(summary.id);
    expect(await code(service.inspectContainer(name))).toBe('NOT_FOUND');
  });

  engineIt('keeps the list live from engine events: a container made with the docker CLI appears, and disappears when removed', async () => {
    await service.listContainers('all'); // connects and starts watching
    const name = uniqueName('cli');
    execFileSync('docker', ['-H', dockerHost!, 'create', '--name', name, TEST_IMAGE, 'true'], { stdio: 'pipe' });
    await waitFor('the CLI-made container in containersChanged', () => latestList()?.some((c) => c.name === name));
    expect(latestList()!.find((c) => c.name === name)).toMatchObject({ managed: false, state: 'created' });
    execFileSync('docker', ['-H', dockerHost!, 'rm', name], { stdio: 'pipe' });
    await waitFor('its removal in containersChanged', () => latestList() && !latestList()!.some((c) => c.name === name));
    expect(events.some((e) => e.name === 'containersChanged' && (e.payload as { reason: string }).reason === 'event')).toBe(true);
  });

  engineIt('refuses to touch a container it did not create unless a person chose it, and bulk removal skips it', async () => {
    const foreign = uniqueName('foreign');
    const mine = uniqueName('mine');
    const raw = rawClient();
    await raw.createContainer({ name: foreign, Image: TEST_IMAGE, Cmd: LOOP, HostConfig: { Init: true } });
    await service.createManagedContainer({ name: mine, Image: TEST_IMAGE, Cmd: LOOP, Labels: { 'io.devsim.topology': 'safety' }, HostConfig: { Init: true } });
    expect(await code(service.containerAction({ id: foreign, action: 'start', explicit: false }))).toBe('FORBIDDEN');
    expect(await code(service.removeContainer({ id: foreign, force: true, explicit: false }))).toBe('FORBIDDEN');
    // A person's explicit single action is allowed.
    expect((await service.containerAction({ id: foreign, action: 'start', explicit: true })).state).toBe('running');
    const result = await service.removeContainers({ operationId: 'bulk-1', ids: [foreign, mine], topologyId: 'safety', force: true });
    expect(result.removed).toHaveLength(1);
    expect(result.skipped).toEqual([{ id: expect.any(String), reason: `${foreign} was not created by this app` }]);
    expect((await raw.getContainer(foreign).inspect()).State.Running).toBe(true); // survived
    expect(await code(raw.getContainer(mine).inspect())).toMatch(/untyped/); // gone (dockerode's own 404)
    const progress = events.filter((e) => e.name === 'operationProgress').map((e) => (e.payload as { state: string }).state);
    expect(progress.at(-1)).toBe('done');
    await raw.getContainer(foreign).remove({ force: true });
  });

  engineIt('answers NOT_FOUND for a container removed behind its back, and re-syncs the list', async () => {
    const name = uniqueName('gone');
    const container = await service.createManagedContainer({ name, Image: TEST_IMAGE, Cmd: ['true'], Labels: { 'io.devsim.test': 'gone' } });
    await rawClient().getContainer(container.id).remove({ force: true });
    const before = events.length;
    expect(await code(service.containerAction({ id: container.id, action: 'start', explicit: false }))).toBe('NOT_FOUND');
    await waitFor('a re-sync without it', () =>
      events.slice(before).some((e) => e.name === 'containersChanged' && !(e.payload as { containers: ContainerSummary[] }).containers.some((c) => c.name === name)),
    );
  });
});

describe('bulk removal (real engine)', () => {
  engineIt('removes a topology’s containers with progress, and stops where it is cancelled', async () => {
    const topology = uniqueName('bulk');
    let cancelAfterFirst: DockerService | null = null;
    const { service: bulk, events: seen } = makeService(dockerHost, (e) => {
      const p = e.payload as { state?: string; operationId?: string };
      if (e.name === 'operationProgress' && p.state === 'running' && p.operationId === 'bulk-cancel') cancelAfterFirst?.cancelOperation('bulk-cancel');
    });
    for (let i = 0; i < 4; i++) await bulk.createManagedContainer({ name: `${topology}-${i}`, Image: TEST_IMAGE, Cmd: ['true'], Labels: { 'io.devsim.topology': topology } });
    cancelAfterFirst = bulk;
    const cancelled = await bulk.removeContainers({ operationId: 'bulk-cancel', topologyId: topology, force: true });
    expect(cancelled).toMatchObject({ cancelled: true, removed: [expect.any(String)] });
    cancelAfterFirst = null;
    const rest = await bulk.removeContainers({ operationId: 'bulk-rest', topologyId: topology, force: true });
    expect([rest.cancelled, rest.removed.length, rest.skipped]).toEqual([false, 3, []]);
    const progress = seen.filter((e) => e.name === 'operationProgress' && (e.payload as { operationId: string }).operationId === 'bulk-rest').map((e) => e.payload);
    expect(progress.at(-1)).toMatchObject({ kind: 'remove', state: 'done', current: 3, total: 3 });
    expect((await bulk.listContainers('managed')).filter((c) => c.topologyId === topology)).toEqual([]);
    bulk.close();
  });
});
