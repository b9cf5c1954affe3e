// The Containers area in browser mode against the private test engine (globalSetup gives
// DEVSIM_TEST_DOCKER_HOST); the host finds it through DOCKER_HOST. Skipped, with the
// reason, where no engine can start (never in CI: there the setup fails instead).
import { createServer } from 'node:net';
import Dockerode from 'dockerode';
import { callHost } from './fixtures/contract-client.js';
import { expect, test } from './fixtures/test.js';
import { ContainersPage } from './pages/containers-page.js';

const engineHost = process.env['DEVSIM_TEST_DOCKER_HOST'];
const IMAGE = 'devsim-test/busybox:latest';
const TOPOLOGY = 'e2e-lab';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** A two-node document of busybox httpd stand-ins: web calls api; web is published on `port`. */
const documentText = (port: number): string => `apiVersion: devsim.io/v1
kind: Topology
metadata:
  name: E2E Lab
nodes:
  users:
    kind: traffic-source
    rate: { type: constant, rps: 5 }
  web:
    kind: container
    image: ${IMAGE}
    command: [httpd, -f, -v, -p, "8080", -h, /www]
    ports: [{ port: 8080, hostPort: ${port} }]
  api:
    kind: container
    image: ${IMAGE}
    command: [httpd, -f, -p, "8080", -h, /www]
    healthCheck: { command: [wget, -q, -O, /dev/null, "http://127.0.0.1:8080/"], intervalS: 0.5, timeoutS: 2, retries: 20 }
links:
  - { type: call, from: users, to: web }
  - { type: call, from: web, to: api }
scenario:
  durationS: 60
  faults:
    - { type: pod-failure, at: 0.2, target: api, durationS: 0.5 }
    - { type: network-delay, at: 0.3, target: api, delayMs: 100 }
`;

test.describe('without an engine', () => {
  let previous: string | undefined;
  test.beforeAll(() => {
    previous = process.env['DOCKER_HOST'];
    process.env['DOCKER_HOST'] = 'unix:///nonexistent/devsim-e2e/docker.sock';
  });
  test.afterAll(() => {
    if (previous === undefined) delete process.env['DOCKER_HOST'];
    else process.env['DOCKER_HOST'] = previous;
  });

  test('containers: with no engine at DOCKER_HOST the status says what was tried and what to do, and the app keeps working', async ({ app, host, page }) => {
    const c = new ContainersPage(page);
    await app.open(host.current.url);
    await app.goTo('containers');
    await expect(c.engine).toHaveAttribute('data-state', 'unavailable');
    await expect(page.getByTestId('engine-message')).toContainText('/nonexistent/devsim-e2e/docker.sock');
    await expect(c.engine).toContainText('Settings');
    await expect(c.bringUpPanel).toHaveCount(0);
    await app.goTo('settings');
    await app.goTo('containers');
    await expect(c.engine).toHaveAttribute('data-state', 'unavailable');
  });
});

test.describe('against the private engine', () => {
  let docker: Dockerode;
  let previousDockerHost: string | undefined;
  const FOREIGN = 'e2e-foreign-logger';

  test.beforeAll(async () => {
    test.skip(!engineHost, process.env['DEVSIM_TEST_DOCKER_SKIP'] ?? 'no private Docker engine (DEVSIM_TEST_DOCKER_HOST is not set)');
    // The host the fixture starts inherits this: it finds the private engine as Docker users expect.
    previousDockerHost = process.env['DOCKER_HOST'];
    process.env['DOCKER_HOST'] = engineHost;
    docker = new Dockerode({ socketPath: engineHost!.replace(/^unix:\/\//, '') });
    await docker.getContainer(FOREIGN).remove({ force: true }).catch(() => undefined);
    // A container the app did not create, writing a line a second.
    const foreign = await docker.createContainer({ name: FOREIGN, Image: IMAGE, Cmd: ['sh', '-c', 'trap "exit 0" TERM; i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 1; done'] });
    await foreign.start();
  });

  test.afterAll(async () => {
    if (previousDockerHost === undefined) delete process.env['DOCKER_HOST'];
    else process.env['DOCKER_HOST'] = previousDockerHost;
    if (!docker) return;
    await docker.getContainer(FOREIGN).remove({ force: true }).catch(() => undefined);
    // What a failed test left behind, so the next run starts clean.
    for (const topology of [TOPOLOGY, 'e2e-missing', 'e2e-resync']) {
      const filters = JSON.stringify({ label: [`io.devsim.topology=${topology}`] });
      for (const c of await docker.listContainers({ all: true, filters })) await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
      for (const n of await docker.listNetworks({ filters })) await docker.getNetwork(n.Id).remove().catch(() => undefined);
    }
  });

  test('containers: engine version shown, a foreign container listed with its logs, stopped; a document brought up, chaos recorded, torn down', async ({ app, host, page }) => {
    test.setTimeout(90_000);
    const c = new ContainersPage(page);
    const version = await docker.version();

    await app.open(host.current.url);
    // A document with two busybox httpd nodes (and a simulated-only traffic source).
    const port = await freePort();
    await app.goTo('welcome');
    await app.welcome.openFileInput.setInputFiles({ name: 'e2e-lab.devsim.yaml', mimeType: 'application/yaml', buffer: Buffer.from(documentText(port)) });
    await expect(app.topology.title).toHaveText(/E2E Lab/);

    await app.goTo('containers');
    await expect(c.engineVersion).toContainText(version.Version);
    await expect(c.engineApi).toHaveText(version.ApiVersion);

    // The foreign container: listed and marked, its log streams, a person can stop it.
    await expect(c.state(FOREIGN)).toHaveText('running');
    await expect(c.row(FOREIGN).getByTestId('container-foreign')).toBeVisible();
    await c.open(FOREIGN);
    await expect(c.logLines.filter({ hasText: 'tick 1' })).toBeVisible();
    await c.logSearch.fill('tick 2');
    await expect(c.logLines).toHaveCount(1);
    await c.row(FOREIGN).getByTestId('container-stop').click();
    await expect(c.state(FOREIGN)).toHaveText('exited', { timeout: 20_000 });

    // Bring the document up: plan shown, progress reaches done, both containers listed and running.
    await expect(c.bringUpPlan).toContainText('devsim-e2e-lab');
    await expect(c.bringUpPlan).toContainText('users');
    await c.bringUpStart.click();
    await expect(c.bringUpProgress).toHaveAttribute('data-state', 'done', { timeout: 40_000 });
    await expect(c.bringUpContainers).toHaveCount(2);
    await expect(c.state(`${TOPOLOGY}-web-0`)).toHaveText('running');
    await expect(c.state(`${TOPOLOGY}-api-0`)).toHaveText('running');
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);

    // Live stats of a brought-up container.
    await c.open(`${TOPOLOGY}-web-0`);
    await c.tab('stats').click();
    await expect(c.statsCharts).not.toHaveAttribute('data-samples', '0', { timeout: 15_000 });

    // The scenario's pod-failure freezes api for half a second on the real container; the delay stays simulated.
    await page.getByTestId('scenario-play').click();
    await expect(page.getByTestId('scenario-chaos')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
    await expect(c.chaosEvents.filter({ hasText: 'docker-pause api' })).toBeVisible();
    await expect(c.chaosEvents.filter({ hasText: 'docker-unpause api' })).toBeVisible();
    await expect(page.getByTestId('scenario-notes')).toContainText('network-delay');
    await expect(c.state(`${TOPOLOGY}-api-0`)).toHaveText('running');

    // A run of the same document is going while web is killed: the kill lands on its timeline too.
    await app.goTo('run');
    await app.run.startWith(3600, 1);
    await expect(app.run.state).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
    await app.goTo('containers');

    // Chaos: kill web; it is recorded on the timeline and the list shows it exited.
    await c.row(`${TOPOLOGY}-web-0`).getByTestId('chaos-kill').click();
    await expect(c.chaosEvents.filter({ hasText: 'docker-kill web' })).toBeVisible();
    await expect(c.state(`${TOPOLOGY}-web-0`)).toHaveText('exited');

    await app.goTo('run');
    const onRun = page.locator('[data-testid="run-event"][data-type="docker-kill"]');
    await expect(onRun).toContainText('web', { timeout: 10_000 });
    await expect(onRun).toContainText('real Docker container');
    await app.run.stop.click();
    await expect(app.run.state).toHaveAttribute('data-state', 'cancelled', { timeout: 20_000 });
    await app.goTo('containers');

    // Tear down: the topology's containers go, the foreign one stays.
    await c.tearDown.click();
    await expect(c.row(`${TOPOLOGY}-web-0`)).toHaveCount(0);
    await expect(c.row(`${TOPOLOGY}-api-0`)).toHaveCount(0);
    await expect(c.row(FOREIGN)).toHaveCount(1);
    const left = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [`io.devsim.topology=${TOPOLOGY}`] }) });
    expect(left).toEqual([]);
  });

  test('containers: bringing up a document whose image is missing names the image and how to get it, leaves nothing behind, and offers a pull that says why it failed', async ({ app, host, page }) => {
    const c = new ContainersPage(page);
    const missing = 'devsim-test/not-here:1';
    await app.open(host.current.url);
    await app.goTo('welcome');
    const text = `apiVersion: devsim.io/v1\nkind: Topology\nmetadata:\n  name: E2E Missing\nnodes:\n  ghost:\n    kind: container\n    image: ${missing}\n`;
    await app.welcome.openFileInput.setInputFiles({ name: 'missing.devsim.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
    await expect(app.topology.title).toHaveText(/E2E Missing/);

    await app.goTo('containers');
    await expect(c.bringUpPlan).toContainText(missing);
    await c.bringUpStart.click();
    await expect(c.bringUpProgress).toHaveAttribute('data-state', 'failed');
    await expect(c.bringUpMessage).toContainText(`Image "${missing}" of node "ghost"`);
    await expect(c.bringUpMessage).toContainText(`docker pull ${missing}`);
    const left = await docker.listNetworks({ filters: JSON.stringify({ label: ['io.devsim.topology=e2e-missing'] }) });
    expect(left).toEqual([]);

    // No registry is reachable here: the pull ends with the engine's reason, the app keeps working.
    await page.getByTestId('pull-start').click();
    await expect(page.getByTestId('pull-offer')).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
    await expect(page.getByTestId('pull-error')).not.toBeEmpty();
    await expect(c.engineVersion).toBeVisible();
  });

  test('containers: what a bring-up created is found again by its labels after the host restarts, and torn down from there', async ({ app, host, page }) => {
    const c = new ContainersPage(page);
    const document = {
      apiVersion: 'devsim.io/v1',
      kind: 'Topology',
      metadata: { name: 'E2E Resync' },
      nodes: { solo: { kind: 'container', image: IMAGE, command: ['httpd', '-f', '-p', '8080', '-h', '/www'] } },
    };
    await callHost(host.current, 'bringUp', { bringUpId: 'up-resync', document });
    await host.restart();

    await app.open(host.current.url);
    await app.goTo('containers');
    const entry = page.locator('[data-testid="also-up"][data-topology="e2e-resync"]');
    await expect(entry).toContainText('1 containers');
    await expect(c.state('e2e-resync-solo-0')).toHaveText('running');
    await entry.getByTestId('also-up-tear-down').click();
    await expect(c.row('e2e-resync-solo-0')).toHaveCount(0);
    const left = await docker.listNetworks({ filters: JSON.stringify({ label: ['io.devsim.topology=e2e-resync'] }) });
    expect(left).toEqual([]);
  });
});
