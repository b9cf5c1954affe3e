// What goes wrong gets a typed error with a readable message: a wrong socket path, an image
// that is not there, a port already taken, a pull that cannot reach a registry (and its cancel).
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractError, methods } from '../../../src-preload/contract/index.js';
import type { DockerService } from '../../../src-main/docker/index.js';
import { engineIt, makeService, rawClient, TEST_IMAGE, uniqueName, waitFor, type RecordedEvent } from './engine-fixture.js';

let service: DockerService;
let events: RecordedEvent[];

beforeAll(() => {
  ({ service, events } = makeService());
});
afterAll(() => service.close());

async function failure(promise: Promise<unknown>): Promise<ContractError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ContractError) return err;
    throw new Error(`not a ContractError: ${String(err)}`);
  }
  throw new Error('expected a failure');
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

describe('bad input (no engine needed)', () => {
  it('refuses a wrong socket path with DOCKER_UNAVAILABLE naming it, and keeps a status that says what to do', async () => {
    const { service: lonely } = makeService('unix:///nonexistent/devsim/docker.sock');
    const err = await failure(lonely.connect('/nonexistent/devsim/docker.sock'));
    expect(err.code).toBe('DOCKER_UNAVAILABLE');
    expect(err.message).toMatch(/unix:\/\/\/nonexistent\/devsim\/docker\.sock \(argument\): connect ENOENT/);
    const status = lonely.status();
    expect(status).toMatchObject({ state: 'unavailable', endpoint: null, engine: null });
    expect(status.message).toMatch(/Start Docker .* or set its address in Settings/);
    expect(status.retryInMs).toBeGreaterThan(0);
    expect((await failure(lonely.listContainers('all'))).code).toBe('DOCKER_UNAVAILABLE');
    expect((await failure(lonely.connect('docker.sock'))).message).toMatch(/"docker\.sock" is not a Docker address/);
    lonely.close();
  });
});

describe('bad input (real engine)', () => {
  engineIt('says which image is missing', async () => {
    const err = await failure(service.createManagedContainer({ Image: 'devsim-test/not-here:1', Labels: { 'io.devsim.test': 'missing' } }));
    expect(err.code).toBe('IMAGE_MISSING');
    expect(err.message).toMatch(/devsim-test\/not-here:1.*Pull it/);
  });

  engineIt('says when a published port is already taken', async () => {
    const server = createServer();
    const port = await listen(server);
    try {
      const name = uniqueName('port');
      await service.createManagedContainer({
        name,
        Image: TEST_IMAGE,
        Cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
        Labels: { 'io.devsim.test': 'port' },
        ExposedPorts: { '80/tcp': {} },
        HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] } },
      });
      const err = await failure(service.containerAction({ id: name, action: 'start', explicit: false }));
      expect(err.code).toBe('PORT_IN_USE');
      expect(err.message).toMatch(new RegExp(`${port}.*already`));
      await rawClient().getContainer(name).remove({ force: true });
    } finally {
      server.close();
    }
  });

  engineIt('reports a pull that cannot reach its registry as IMAGE_MISSING, and cancels a pull that hangs', async () => {
    const refused = await failure(service.pullImage('pull-refused', '127.0.0.1:1/devsim/nothing:1'));
    expect(refused.code).toBe('IMAGE_MISSING');
    expect(refused.message).toMatch(/pull 127\.0\.0\.1:1\/devsim\/nothing:1 failed: .*load it/);
    // A "registry" that accepts connections and never answers.
    const sockets: Socket[] = [];
    const hang = createServer((s) => void sockets.push(s));
    const port = await listen(hang);
    try {
      const pulling = service.pullImage('pull-hang', `127.0.0.1:${port}/devsim/slow:1`);
      await waitFor('the engine to call the registry', () => sockets.length > 0);
      expect(service.cancelOperation('pull-hang')).toEqual({ cancelled: true });
      expect(await pulling).toEqual({ image: `127.0.0.1:${port}/devsim/slow:1`, cancelled: true });
      const last = events.filter((e) => e.name === 'operationProgress' && (e.payload as { operationId: string }).operationId === 'pull-hang').at(-1);
      expect(last?.payload).toMatchObject({ kind: 'pull', state: 'cancelled' });
    } finally {
      for (const s of sockets) s.destroy();
      hang.close();
    }
  });

  it('validates container references before they reach the engine', () => {
    const bad = methods.containerAction.args.safeParse({ id: '../etc', action: 'start' });
    expect(bad.success).toBe(false);
    expect(methods.containerAction.args.safeParse({ id: 'web-1', action: 'start' }).success).toBe(true);
    expect(methods.containerAction.args.safeParse({ id: 'a'.repeat(64), action: 'kill', explicit: true }).success).toBe(true);
  });
});
