// Bring-up and tear-down against a real Docker engine (the private test engine).
import { createServer, type Server } from 'node:net';
import type Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { BringUpProgress } from '../../../src-preload/contract/bring-up.js';
import { type ContractError } from '../../../src-preload/contract/index.js';
import { chaosAction } from '../../../src-main/docker/bring-up/chaos.js';
import { executeBringUp } from '../../../src-main/docker/bring-up/execute.js';
import { planBringUp } from '../../../src-main/docker/bring-up/plan.js';
import { findBringUps } from '../../../src-main/docker/bring-up/resync.js';
import { BringUpService } from '../../../src-main/docker/bring-up/service.js';
import { tearDown } from '../../../src-main/docker/bring-up/tear-down.js';
import { documentOf } from '../files/export-fixtures.js';
import { TEST_IMAGE, dockerHost, engineIt, rawClient } from './engine-fixture.js';

const engine = { ok: dockerHost !== null, image: TEST_IMAGE };

const httpdNode = (extra: Record<string, unknown> = {}) => ({
  kind: 'container',
  image: engine.image,
  command: ['httpd', '-f', '-p', '8080', '-h', '/'],
  ports: [{ port: 8080 }],
  resources: { cpu: 0.2, memoryMiB: 64 },
  ...extra,
});

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });

async function run(docker: Dockerode, doc: ReturnType<typeof documentOf>, id: string, timeoutMs = 20_000) {
  const progress: BringUpProgress[] = [];
  const plan = planBringUp(doc, id);
  const result = await executeBringUp(docker, plan, { signal: new AbortController().signal, onProgress: (p) => progress.push(p), timeoutMs });
  return { plan, result, progress };
}

async function caught(promise: Promise<unknown>): Promise<ContractError> {
  try {
    await promise;
  } catch (err) {
    return err as ContractError;
  }
  throw new Error('expected a failure');
}

describe('bring-up on a real engine', () => {
  let docker: Dockerode;
  const topologies = ['it-two-node', 'it-missing', 'it-port', 'it-cancel', 'it-chaos', 'it-scenario', 'it-exit'];
  beforeAll(async () => {
    if (!engine.ok) return;
    docker = rawClient();
    for (const t of topologies) await tearDown(docker, t);
  });
  afterAll(async () => {
    if (!engine.ok) return;
    for (const t of topologies) await tearDown(docker, t);
  });

  engineIt('brings up two httpd nodes in order, waits for health, answers on the published port; tear-down spares a foreign container', async () => {
    const port = await freePort();
    const doc = documentOf({
      metadata: { name: 'it two node' },
      nodes: {
        web: httpdNode({ ports: [{ port: 8080, hostPort: port }] }),
        api: httpdNode({ healthCheck: { command: ['wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:8080/bin/sh'], intervalS: 0.5, timeoutS: 2, retries: 20 } }),
      },
      links: [{ type: 'call', from: 'web', to: 'api' }],
    } as never);
    // A container the app did not create, with a look-alike name but no labels.
    const foreign = await docker.createContainer({ name: 'it-two-node-web-9', Image: engine.image, Cmd: ['sleep', '300'] });
    try {
      const { result, progress } = await run(docker, doc, 'up-two');
      expect(result.containers).toEqual(['it-two-node-api-0', 'it-two-node-web-0']);
      const ready = progress.filter((p) => p.phase === 'ready').map((p) => p.container);
      expect(ready).toEqual(['it-two-node-api-0', 'it-two-node-web-0']);
      expect(progress.at(-1)!.phase).toBe('done');

      const api = await docker.getContainer('it-two-node-api-0').inspect();
      expect((api.State as { Health?: { Status: string } }).Health?.Status).toBe('healthy');
      expect(api.Config.Labels).toMatchObject({ 'io.devsim.topology': 'it-two-node', 'io.devsim.node': 'api', 'io.devsim.replica': '0', 'io.devsim.run': 'up-two' });
      const web = await docker.getContainer('it-two-node-web-0').inspect();
      expect(web.HostConfig.PortBindings).toEqual({ '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] });
      const answer = await fetch(`http://127.0.0.1:${port}/bin/sh`);
      expect(answer.status).toBe(200);

      const [state] = (await findBringUps(docker)).filter((s) => s.topologyId === 'it-two-node');
      expect(state!.bringUpIds).toEqual(['up-two']);
      expect(state!.networks).toEqual(['devsim-it-two-node']);
      expect(state!.containers.map((c) => [c.node, c.state])).toEqual([['api', 'running'], ['web', 'running']]);

      const removed = await tearDown(docker, 'it-two-node');
      expect(removed.containers.sort()).toEqual(['it-two-node-api-0', 'it-two-node-web-0']);
      expect(removed.networks).toEqual(['devsim-it-two-node']);
      const left = await docker.listContainers({ all: true, filters: JSON.stringify({ name: ['it-two-node'] }) });
      expect(left.map((c) => c.Names[0])).toEqual(['/it-two-node-web-9']);
    } finally {
      await foreign.remove({ force: true });
    }
  }, 60_000);

  engineIt('names a missing image and how to get it, and leaves nothing behind', async () => {
    const doc = documentOf({
      metadata: { name: 'it missing' },
      nodes: { ok: httpdNode(), gone: httpdNode({ image: 'devsim-test/not-here:0' }) },
    } as never);
    const error = await caught(run(docker, doc, 'up-missing'));
    expect(error.code).toBe('IMAGE_MISSING');
    expect(error.message).toContain('"devsim-test/not-here:0"');
    expect(error.message).toContain('docker pull devsim-test/not-here:0');
    expect(error.where).toBe('nodes.gone.image');
    expect((await findBringUps(docker)).find((s) => s.topologyId === 'it-missing')).toBeUndefined();
  });

  engineIt('reports a taken host port naming the node and port, and rolls back what it created', async () => {
    const port = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      const doc = documentOf({
        metadata: { name: 'it port' },
        nodes: { first: httpdNode(), busy: httpdNode({ ports: [{ port: 8080, hostPort: port }] }) },
        links: [{ type: 'call', from: 'busy', to: 'first' }],
      } as never);
      const error = await caught(run(docker, doc, 'up-port'));
      expect(error.code).toBe('PORT_IN_USE');
      expect(error.message).toContain('"busy"');
      expect(error.message).toContain(`127.0.0.1:${port}`);
      expect((await findBringUps(docker)).find((s) => s.topologyId === 'it-port')).toBeUndefined();
    } finally {
      holder.close();
    }
  });

  engineIt('a cancel while waiting removes what was created', async () => {
    const doc = documentOf({
      metadata: { name: 'it cancel' },
      nodes: { slow: httpdNode({ healthCheck: { command: ['false'], intervalS: 30, retries: 3 } }) },
    } as never);
    const controller = new AbortController();
    const progress: BringUpProgress[] = [];
    const going = executeBringUp(docker, planBringUp(doc, 'up-cancel'), {
      signal: controller.signal,
      timeoutMs: 30_000,
      onProgress: (p) => {
        progress.push(p);
        if (p.phase === 'waiting') controller.abort();
      },
    });
    const error = await caught(going);
    expect(error.code).toBe('CANCELLED');
    expect(progress.map((p) => p.phase)).toContain('rolling-back');
    expect(progress.at(-1)!.phase).toBe('cancelled');
    expect((await findBringUps(docker)).find((s) => s.topologyId === 'it-cancel')).toBeUndefined();
  });

  engineIt('chaos kills, pauses, unpauses and restarts a brought-up container, each recorded as a docker timeline event; a foreign container is refused', async () => {
    const doc = documentOf({ metadata: { name: 'it chaos' }, nodes: { app: httpdNode() } } as never);
    await run(docker, doc, 'up-chaos');
    const state = async () => (await docker.getContainer('it-chaos-app-0').inspect()).State;

    const paused = await chaosAction(docker, 'it-chaos-app-0', 'pause');
    expect((await state()).Paused).toBe(true);
    expect(paused).toMatchObject({ source: 'docker', type: 'docker-pause', target: 'app', topologyId: 'it-chaos', container: 'it-chaos-app-0', severity: 'warning' });
    expect(paused.tMs).toBeGreaterThanOrEqual(0);
    await chaosAction(docker, 'it-chaos-app-0', 'unpause');
    expect((await state()).Paused).toBe(false);
    const restarted = await chaosAction(docker, 'it-chaos-app-0', 'restart');
    expect(restarted.type).toBe('docker-restart');
    expect((await state()).Running).toBe(true);
    const killed = await chaosAction(docker, 'it-chaos-app-0', 'kill');
    expect(killed).toMatchObject({ type: 'docker-kill', severity: 'critical', data: { source: 'docker', action: 'kill', container: 'it-chaos-app-0', replica: 0 } });
    expect((await state()).Running).toBe(false);

    const foreign = await docker.createContainer({ name: 'it-chaos-foreign', Image: engine.image, Cmd: ['sleep', '300'] });
    try {
      await foreign.start();
      const error = await caught(chaosAction(docker, 'it-chaos-foreign', 'kill'));
      expect(error.code).toBe('FORBIDDEN');
      expect((await foreign.inspect()).State.Running).toBe(true);
    } finally {
      await foreign.remove({ force: true });
    }
  }, 60_000);

  engineIt('plays the scenario faults on the containers (kill one replica, pause another for a while), records them, and leaves none paused', async () => {
    const doc = documentOf({
      metadata: { name: 'it scenario' },
      nodes: { app: httpdNode({ replicas: 2 }), db: httpdNode() },
      scenario: {
        durationS: 2,
        faults: [
          { type: 'pod-kill', at: 0.2, target: 'app', count: 1 },
          { type: 'pod-failure', at: 0.4, target: 'db', durationS: 0.6 },
          { type: 'cpu-stress', at: 0.5, target: 'app', loadPercent: 50 },
        ],
      },
    } as never);
    const emitted: unknown[] = [];
    const service = new BringUpService({ client: () => Promise.resolve(docker), emit: (_name, payload) => void emitted.push(payload) });
    await service.bringUp('up-scenario', doc, 20);
    const result = await service.runScenario('scenario-1', doc, 1);
    expect(result.cancelled).toBe(false);
    expect(result.failed).toEqual([]);
    expect(result.events.map((e) => [e.type, e.container])).toEqual([
      ['docker-kill', 'it-scenario-app-0'],
      ['docker-pause', 'it-scenario-db-0'],
      ['docker-unpause', 'it-scenario-db-0'],
    ]);
    const state = async (name: string) => (await docker.getContainer(name).inspect()).State;
    expect((await state('it-scenario-app-0')).Running).toBe(false);
    expect((await state('it-scenario-app-1')).Running).toBe(true);
    expect((await state('it-scenario-db-0')).Paused).toBe(false);
    expect(emitted.filter((p) => (p as { source?: string }).source === 'docker')).toHaveLength(3);
    expect(result.skipped.map((s) => s.fault)).toEqual(['scenario.faults[2] cpu-stress']);
    expect(service.chaosEvents('it-scenario')).toHaveLength(3);
    service.close();
  }, 60_000);

  engineIt('a container that exits stops its level at once (its sibling does not run out its wait), names the node, and rolls back', async () => {
    const doc = documentOf({
      metadata: { name: 'it exit' },
      nodes: {
        broken: httpdNode({ command: ['sh', '-c', 'echo starting; exit 3'] }),
        slow: httpdNode({ healthCheck: { command: ['false'], intervalS: 30, retries: 3 } }),
      },
    } as never);
    const started = Date.now();
    const error = await caught(run(docker, doc, 'up-exit', 30_000));
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('node "broken"');
    expect(error.message).toContain('exit code 3');
    expect((await findBringUps(docker)).find((s) => s.topologyId === 'it-exit')).toBeUndefined();
  }, 60_000);
});
