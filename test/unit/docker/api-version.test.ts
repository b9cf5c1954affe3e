// Never pinning an API version: a stand-in engine on a unix socket that answers like Docker
// 29 (refuses any versioned path below 1.44) or like Podman's compatible API. The real
// engine here is 20.10 (API 1.41); these cover the newer and the other engine.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeService } from './engine-fixture.js';

const DOCKER_29 = {
  Platform: { Name: 'Docker Engine - Community' },
  Components: [{ Name: 'Engine', Version: '29.0.1' }],
  Version: '29.0.1',
  ApiVersion: '1.52',
  MinAPIVersion: '1.44',
  Os: 'linux',
  Arch: 'amd64',
  KernelVersion: '6.8.0',
};
const PODMAN = {
  Platform: { Name: 'linux/amd64/fedora-40' },
  Components: [{ Name: 'Podman Engine', Version: '5.2.0' }],
  Version: '5.2.0',
  ApiVersion: '1.41',
  MinAPIVersion: '1.24',
  Os: 'linux',
  Arch: 'arm64',
};
const CONTAINER = { Id: 'c'.repeat(64), Names: ['/web-1'], Image: 'nginx:1', State: 'running', Status: 'Up 2 minutes', Created: 1_700_000_000, Ports: [], Labels: { 'io.devsim.topology': 'lab' } };

let server: Server | null = null;
let dir: string | null = null;
afterEach(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Serves /version, /_ping, /containers/json and a silent /events; refuses versions below `minimum`. */
async function fakeEngine(version: object, minimum: number): Promise<{ host: string; paths: string[] }> {
  dir = mkdtempSync(join(tmpdir(), 'devsim-fake-engine-'));
  const socket = join(dir, 'engine.sock');
  const paths: string[] = [];
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    paths.push(url);
    const versioned = /^\/v(\d+)\.(\d+)(\/.*)$/.exec(url);
    if (versioned && Number(versioned[1]) + Number(versioned[2]) / 100 < minimum) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `client version ${versioned[1]}.${versioned[2]} is too old. Minimum supported API version is ${minimum}` }));
      return;
    }
    const path = (versioned ? versioned[3]! : url).split('?')[0];
    res.setHeader('content-type', 'application/json');
    if (path === '/version') res.end(JSON.stringify(version));
    else if (path === '/_ping') res.end('OK');
    else if (path === '/containers/json') res.end(JSON.stringify([CONTAINER]));
    else if (path === '/events') res.writeHead(200); // open, silent
    else {
      res.writeHead(404);
      res.end(JSON.stringify({ message: `page not found: ${path}` }));
    }
  });
  await new Promise<void>((resolve) => server!.listen(socket, resolve));
  return { host: `unix://${socket}`, paths };
}

describe('API version negotiation (stand-in engines)', () => {
  it('works with a Docker 29 engine that refuses API versions below 1.44: no request is pinned to a version', async () => {
    const engine = await fakeEngine(DOCKER_29, 1.44);
    const { service } = makeService(engine.host);
    const list = await service.listContainers('all');
    expect(service.status()).toMatchObject({
      state: 'connected',
      engine: { name: 'Docker Engine - Community', version: '29.0.1', apiVersion: '1.52', minApiVersion: '1.44', os: 'linux', arch: 'amd64' },
    });
    expect(list).toEqual([expect.objectContaining({ id: CONTAINER.Id, name: 'web-1', state: 'running', managed: true, topologyId: 'lab' })]);
    expect(engine.paths.length).toBeGreaterThan(1);
    expect(engine.paths.filter((p) => /^\/v\d/.test(p))).toEqual([]);
    service.close();
  });

  it("recognises Podman's Docker-compatible API and shows it as Podman", async () => {
    const engine = await fakeEngine(PODMAN, 1.24);
    const { service } = makeService(engine.host);
    const status = await service.connect();
    expect(status.engine).toMatchObject({ name: 'Podman Engine', version: '5.2.0', apiVersion: '1.41', arch: 'arm64' });
    expect(status.message).toBe(`Connected to Podman Engine 5.2.0 (API 1.41, linux/arm64) at ${engine.host}.`);
    service.close();
  });
});
