import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { topologySchema, type Topology } from '../../src-preload/contract/index.js';
import { WebHost } from './fixtures/host.js';
import { expect, test } from './fixtures/test.js';
import type { AppPage } from './pages/app-page.js';

let host: WebHost;

test.beforeAll(async () => {
  host = await WebHost.create();
  await host.start();
});
test.afterAll(async () => {
  await host.dispose();
});

const MAX = 'nodes.api.scaling.maxReplicas';
const MIN = 'nodes.api.scaling.minReplicas';

/** The document as Save As writes it (which also makes it the saved, clean one). */
async function saved(app: AppPage, page: Page): Promise<Topology> {
  const downloading = page.waitForEvent('download');
  await app.topology.saveAs.click();
  const doc = topologySchema.parse(parse(await readFile((await (await downloading).path())!, 'utf8')));
  await expect(app.topology.dirty).toHaveCount(0);
  return doc;
}

const scaling = (doc: Topology): Record<string, unknown> => (doc.nodes['api'] as { scaling: Record<string, unknown> }).scaling;

test('inspector: change the api’s max replicas; the document changes and is marked unsaved; Ctrl+Z restores it', async ({ app, page }) => {
  await app.open(host.current.url);
  await app.welcome.template('production').click();
  const t = app.topology;
  const i = t.inspector;
  await expect(t.canvas.root).toBeVisible();
  expect(scaling(await saved(app, page))).toMatchObject({ policy: 'hpa', maxReplicas: 20 });

  await t.canvas.node('api').click();
  await expect(i.id).toHaveText('api');
  await i.openSection('nodes.api.scaling');
  // The form comes from the schema: the unit, the range and the help of the field.
  await expect(i.field(MAX)).toContainText('(replicas)');
  await expect(i.field(MAX)).toContainText('1–10,000');
  await expect(i.input(MAX)).toHaveValue('20');
  await expect(i.input('nodes.api.scaling.policy')).toHaveValue('hpa');

  await i.type(MAX, '30');
  await expect(t.dirty).toBeVisible();
  await expect(i.input(MAX)).toHaveValue('30');
  expect(scaling(await saved(app, page))).toMatchObject({ maxReplicas: 30, minReplicas: 3 });

  // Still in the field with nothing typed since, Ctrl+Z and Ctrl+Shift+Z are the document's undo and redo.
  await i.input(MAX).press('Control+z');
  await expect(i.input(MAX)).toHaveValue('20');
  await expect(t.dirty).toBeVisible();
  await i.input(MAX).press('Control+Shift+z');
  await expect(i.input(MAX)).toHaveValue('30');
  // From the canvas too (the field shows the old value again).
  await t.canvas.node('api').click();
  await page.keyboard.press('Control+z');
  await expect(i.input(MAX)).toHaveValue('20');
  await expect(t.dirty).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(i.input(MAX)).toHaveValue('30');

  // Reset to default: the contract's default (10) comes back.
  await i.reset(MAX).click();
  await expect(i.input(MAX)).toHaveValue('10');
  expect(scaling(await saved(app, page))).toMatchObject({ maxReplicas: 10 });
  await expect(i.reset(MAX)).toHaveCount(0);
});

test('inspector: an invalid value shows the error at the field and leaves the document unchanged', async ({ app, page }) => {
  await app.open(host.current.url);
  await app.welcome.template('production').click();
  const t = app.topology;
  const i = t.inspector;
  await expect(t.canvas.root).toBeVisible();
  await saved(app, page);
  await t.canvas.node('api').click();
  await i.openSection('nodes.api.scaling');

  await i.type(MAX, 'abc');
  await expect(i.error(MAX)).toHaveText('"abc" is not a number.');
  await expect(i.input(MAX)).toHaveAttribute('aria-invalid', 'true');
  await i.type(MAX, '0');
  await expect(i.error(MAX)).toHaveText('Must be at least 1 replicas.');
  await expect(t.dirty).toHaveCount(0);
  // A value the schema refuses by a rule of its own (a whole number) is refused the same way.
  await i.type('nodes.api.replicas', '2.5');
  await expect(i.error('nodes.api.replicas')).toHaveText('Enter a whole number.');
  await expect(t.dirty).toHaveCount(0);
  // Escape puts the document's value back.
  await i.input(MAX).press('Escape');
  await expect(i.input(MAX)).toHaveValue('20');
  await expect(i.error(MAX)).toHaveCount(0);
  expect(scaling(await saved(app, page))).toMatchObject({ maxReplicas: 20 });
});

test('findings: clicking one selects its node, opens the inspector and focuses the field it names', async ({ app }) => {
  await app.open(host.current.url);
  await app.welcome.template('production').click();
  const t = app.topology;
  const i = t.inspector;
  await expect(t.canvas.root).toBeVisible();
  await expect(t.noFindings).toBeVisible();

  // minReplicas above maxReplicas: the validator reports it at nodes.api.scaling.minReplicas.
  await t.canvas.node('api').click();
  await i.openSection('nodes.api.scaling');
  await i.type(MIN, '25');
  const finding = t.findingItems.filter({ hasText: 'minReplicas (25) is above maxReplicas (20)' });
  await expect(finding).toHaveCount(1);
  await expect(i.findings(MIN)).toContainText('minReplicas (25) is above maxReplicas (20)');

  // Elsewhere first: another node, its sections closed.
  await t.canvas.node('grafana').click();
  await expect(i.id).toHaveText('grafana');
  await finding.click();
  await expect(i.id).toHaveText('api');
  await expect(i.root.locator('details[data-field-path="nodes.api.scaling"]')).toHaveAttribute('open', '');
  await expect(i.input(MIN)).toBeFocused();
  await expect(i.input(MIN)).toHaveValue('25');
  await expect(t.canvas.root.locator('.react-flow__node-device.selected[data-id="api"]')).toHaveCount(1);

  // Fixing it there clears the finding.
  await i.type(MIN, '3');
  await expect(t.noFindings).toBeVisible();
});

test('inspector: a link and a group get their forms too; a link’s type is a choice', async ({ app, page }) => {
  await app.open(host.current.url);
  await app.welcome.template('production').click();
  const t = app.topology;
  const i = t.inspector;
  await expect(t.canvas.root).toBeVisible();

  // The first link: users → geodns, a call with 20 ms latency.
  await i.clickLink(0);
  await expect(i.root).toHaveAttribute('data-target', 'links[0]');
  await expect(i.root).toContainText('users → geodns');
  await expect(i.input('links[0].type')).toHaveValue('call');
  await expect(i.input('links[0].latencyMs')).toHaveValue('20');
  await expect(i.field('links[0].latencyMs')).toContainText('(ms)');
  await i.type('links[0].probability', '1.5');
  await expect(i.error('links[0].probability')).toHaveText('Must be at most 1.');
  await i.type('links[0].latencyMs', '35');
  await expect(t.dirty).toBeVisible();
  let doc = await saved(app, page);
  expect(doc.links[0]).toMatchObject({ type: 'call', from: 'users', to: 'geodns', latencyMs: 35 });

  // A group frame: its cost per instance-hour, in $/h.
  await t.canvas.root.locator('[data-testid="canvas-frame"][data-group="us-east-1"] .canvas-frame-title').click();
  await expect(i.root).toHaveAttribute('data-target', 'groups.us-east-1');
  await expect(i.field('groups.us-east-1.instanceHourCost')).toContainText('($/h)');
  await i.type('groups.us-east-1.instanceHourCost', '0.25');
  doc = await saved(app, page);
  expect(doc.groups['us-east-1']).toMatchObject({ instanceHourCost: 0.25 });
});

test('findings: one in the environment settings opens them in the inspector, at the field it names', async ({ app }) => {
  await app.open(host.current.url);
  const text = [
    'apiVersion: devsim.io/v1',
    'kind: Topology',
    'metadata: { name: Zero trust }',
    'nodes:',
    '  users: { kind: traffic-source, rate: { type: constant, rps: 5 } }',
    '  api: { kind: app-service, serviceTime: { default: { type: exponential, meanMs: 10 } } }',
    'links:',
    '  - { type: call, from: users, to: api }',
    'settings:',
    '  security: { accessControl: zero-trust, encryption: none }',
  ].join('\n');
  await app.welcome.openFileInput.setInputFiles({ name: 'zero-trust.devsim.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
  const t = app.topology;
  await expect(t.canvas.root).toBeVisible();
  await t.canvas.node('api').click();
  await expect(t.inspector.id).toHaveText('api');

  const finding = t.findingItems.filter({ hasText: 'Zero trust without mandatory encryption' });
  await expect(finding).toContainText('settings.security.encryption');
  await finding.click();
  // The environment settings open in the inspector, at the field the finding names.
  await expect(t.inspector.id).toHaveText('settings');
  await expect(t.inspector.input('settings.security.encryption')).toBeFocused();
});

test('inspector: renaming a node is one command; its links follow and Ctrl+Z brings the old id back', async ({ app, page }) => {
  await app.open(host.current.url);
  await app.welcome.template('production').click();
  const t = app.topology;
  const i = t.inspector;
  await expect(t.canvas.root).toBeVisible();
  await t.canvas.node('api').click();
  const rename = page.getByTestId('inspector-rename');
  await expect(rename).toHaveValue('api');

  await rename.fill('db');
  await rename.press('Enter');
  await expect(i.root.getByTestId('field-error')).toHaveText('"db" is already the id of a node.');
  await rename.fill('web');
  await rename.press('Enter');
  await expect(i.id).toHaveText('web');
  await expect(t.canvas.node('web')).toBeVisible();
  await expect(t.canvas.node('api')).toHaveCount(0);
  const doc = await saved(app, page);
  expect(doc.nodes['api']).toBeUndefined();
  expect(doc.links.filter((l) => l.from === 'web' || l.to === 'web').length).toBeGreaterThan(0);
  expect(doc.links.some((l) => l.from === 'api' || l.to === 'api')).toBe(false);

  await t.canvas.node('web').click();
  await page.keyboard.press('Control+z');
  await expect(t.canvas.node('api')).toBeVisible();
  await expect(t.canvas.node('web')).toHaveCount(0);
});

test('inspector: a list of objects (ports) has a block of fields per item; add and remove are commands', async ({ app, page }) => {
  await app.open(host.current.url);
  await app.welcome.template('production').click();
  const t = app.topology;
  const i = t.inspector;
  await expect(t.canvas.root).toBeVisible();
  await t.canvas.node('api').click();
  await i.openSection('nodes.api.ports');
  await expect(i.input('nodes.api.ports[0].port')).toHaveValue('8080');

  await i.field('nodes.api.ports').getByTestId('item-add').click();
  await expect(i.input('nodes.api.ports[1].port')).toHaveValue('1');
  await i.type('nodes.api.ports[1].port', '9090');
  // A fixed host port on a node with 3 replicas: the validator's warning sits at that field.
  await i.type('nodes.api.ports[1].hostPort', '18080');
  await expect(i.findings('nodes.api.ports[1].hostPort')).toContainText('only one can bind it');
  let doc = await saved(app, page);
  expect(doc.nodes['api']).toMatchObject({ ports: [{ port: 8080 }, { port: 9090, hostPort: 18080, protocol: 'tcp' }] });

  await i.field('nodes.api.ports[1]').getByTestId('item-remove').click();
  await expect(i.field('nodes.api.ports[1]')).toHaveCount(0);
  doc = await saved(app, page);
  expect(doc.nodes['api']).toMatchObject({ ports: [{ port: 8080 }] });
  expect((doc.nodes['api'] as { ports: unknown[] }).ports).toHaveLength(1);
});

test('inspector: the scenario opens from the Document panel; a deployment added there (target picked from the nodes) is saved and rolls out in the next run', async ({ app, page }) => {
  await app.open(host.current.url);
  await app.welcome.template('production').click();
  const t = app.topology;
  const i = t.inspector;
  await expect(t.canvas.root).toBeVisible();
  await page.getByTestId('open-scenario').click();
  await expect(i.id).toHaveText('scenario');
  await i.openSection('scenario.deployments');
  await i.field('scenario.deployments').getByTestId('item-add').click();
  const at = 'scenario.deployments[0]';
  await expect(i.field(at)).toBeVisible();
  // Until a target is picked the placeholder names nothing, and the validator says so at the field.
  await expect(i.findings(`${at}.target`)).toContainText('target');
  await i.input(`${at}.target`).selectOption('api');
  await expect(i.findings(`${at}.target`)).toHaveCount(0);
  await i.type(`${at}.version`, 'v2');
  await i.type(`${at}.at`, '600');
  await i.input(`${at}.strategy`).selectOption('blue-green');
  const doc = await saved(app, page);
  expect(doc.scenario.deployments).toEqual([expect.objectContaining({ target: 'api', version: 'v2', at: 600, strategy: 'blue-green' })]);

  await app.goTo('run');
  await app.run.startWith(1800, 'max');
  await expect(app.run.state).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
  await expect(page.locator('[data-testid="run-event"][data-type="deployment-started"]').first()).toContainText('api: deploying v2 over v1 (blue-green)');
  await expect(page.locator('[data-testid="run-event"][data-type="deployment-finished"]').first()).toContainText('api: v2 rolled out');
});
