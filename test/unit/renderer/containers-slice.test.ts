import { describe, expect, it, vi } from 'vitest';
import { ContractError, DEFAULT_SETTINGS, type BringUpProgress, type ChaosEvent, type DevsimApi } from '../../../src-preload/contract/index.js';
import { createAppStore } from '../../../src-renderer/src/stores/app-store.js';
import { fakePlatform, opened } from './fake-documents.js';

/** A host whose pushed events the test sends by hand; bringUp waits until the test settles it. */
function fakeDockerHost() {
  const listeners = new Map<string, ((p: never) => void)[]>();
  const on = (name: string) => (l: (p: never) => void) => {
    listeners.set(name, [...(listeners.get(name) ?? []), l]);
    return () => {};
  };
  let settle: { resolve: (v: unknown) => void; reject: (e: unknown) => void } | null = null;
  const api = {
    bringUp: vi.fn((_args: { bringUpId: string }) => new Promise((resolve, reject) => (settle = { resolve, reject }))),
    cancelBringUp: vi.fn(async () => ({ cancelled: true })),
    listContainers: vi.fn(async () => []),
    listBringUps: vi.fn(async () => []),
    chaosAction: vi.fn(async () => chaosEvent),
    onBringUpProgress: on('bringUpProgress'),
    onChaosRecorded: on('chaosRecorded'),
    onDockerStatus: on('dockerStatus'),
    onContainersChanged: on('containersChanged'),
    onOperationProgress: on('operationProgress'),
  };
  const push = (name: string, payload: unknown) => (listeners.get(name) ?? []).forEach((l) => l(payload as never));
  return { api, push, settle: () => settle! };
}

const chaosEvent: ChaosEvent = {
  tMs: 1500,
  type: 'docker-kill',
  target: 'web',
  message: 'Container lab-web-0 of node "web" killed',
  severity: 'critical',
  data: { source: 'docker' },
  source: 'docker',
  topologyId: 'lab',
  container: 'lab-web-0',
  at: '2026-01-01T00:00:01.500Z',
};

function store() {
  const host = fakeDockerHost();
  const s = createAppStore(host.api as unknown as DevsimApi, { state: 'connected' }, fakePlatform());
  s.setState({ settings: { ...DEFAULT_SETTINGS } });
  s.setState({ doc: { ...opened(), dirty: false, key: 'k', revision: 0, autosavedRevision: null, autosavedAt: null, autosaveError: null } });
  return { host, s: s.getState };
}

const progress = (bringUpId: string, phase: BringUpProgress['phase']): BringUpProgress => ({ bringUpId, topologyId: 'lab', phase, message: phase, current: 0, total: 2 });

describe('containers slice', () => {
  it('keeps the progress of its own bring-up only, and ends done with the topology id', async () => {
    const { host, s } = store();
    const going = s().bringUpOpenDocument();
    const id = host.api.bringUp.mock.calls[0]![0].bringUpId;
    host.push('bringUpProgress', progress(id, 'network'));
    host.push('bringUpProgress', progress('up-someone-else', 'creating'));
    host.push('bringUpProgress', progress(id, 'ready'));
    expect(s().bringUp!.progress.map((p) => p.phase)).toEqual(['network', 'ready']);
    host.settle().resolve({ topologyId: 'lab', bringUpId: id, network: 'devsim-lab', containers: ['lab-web-0'] });
    await going;
    expect(s().bringUp).toMatchObject({ state: 'done', topologyId: 'lab', error: null, missingImage: null });
  });

  it('a missing image fails the bring-up with the host\'s message and offers that image for a pull', async () => {
    const { host, s } = store();
    const going = s().bringUpOpenDocument();
    host.settle().reject(new ContractError('IMAGE_MISSING', 'Image "shop/api:2" of node "api" is not on this Docker engine. Get it with `docker pull shop/api:2`', 'nodes.api.image'));
    await going;
    expect(s().bringUp).toMatchObject({ state: 'failed', missingImage: 'shop/api:2' });
    expect(s().bringUp!.error).toContain('docker pull shop/api:2');
  });

  it('a cancelled bring-up says cancelled, and cancel asks the host with the bring-up id', async () => {
    const { host, s } = store();
    const going = s().bringUpOpenDocument();
    await s().cancelBringUp();
    const id = host.api.bringUp.mock.calls[0]![0].bringUpId;
    expect(host.api.cancelBringUp).toHaveBeenCalledWith({ bringUpId: id });
    host.settle().reject(new ContractError('CANCELLED', 'Bring-up cancelled'));
    await going;
    expect(s().bringUp!.state).toBe('cancelled');
  });

  it('a chaos action that comes both as a pushed event and as the reply is listed once', async () => {
    const { host, s } = store();
    const acting = s().chaos('lab-web-0', 'kill');
    host.push('chaosRecorded', chaosEvent);
    await acting;
    expect(host.api.chaosAction).toHaveBeenCalledWith({ id: 'lab-web-0', action: 'kill' });
    expect(s().chaosEvents).toEqual([chaosEvent]);
  });
});
