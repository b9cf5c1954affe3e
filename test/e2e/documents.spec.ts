import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { topologySchema } from '../../src-preload/contract/index.js';
import { WebHost } from './fixtures/host.js';
import { expect, test } from './fixtures/test.js';

// One host for the file: these tests only add documents, so they do not disturb each other.
let host: WebHost;
let files: string;
const COMPOSE = resolve(import.meta.dirname, '..', 'fixtures', 'compose', 'kafka-zookeeper.yml');

test.beforeAll(async () => {
  host = await WebHost.create();
  await host.start();
  files = await mkdtemp(join(tmpdir(), 'devsim-docs-'));
});
test.afterAll(async () => {
  await host.dispose();
  await rm(files, { recursive: true, force: true });
});

test('documents: a template opens with its nodes and no findings; an edited name marks it unsaved; Save As downloads YAML that parses', async ({ app, page }) => {
  await app.open(host.current.url);
  await expect(app.welcome.templates).toHaveCount(5);
  // Each card shows its diagram in miniature: a box per node.
  const preview = app.welcome.template('three-tier').getByTestId('template-preview');
  await expect(preview).toHaveAttribute('data-nodes', '5');
  await expect(preview.locator('rect.preview-node')).toHaveCount(5);
  await app.welcome.template('three-tier').click();

  const t = app.topology;
  await expect(t.title).toHaveText(/Three-tier web application/);
  await expect(t.path).toHaveText('Not saved');
  await expect(t.nodeRow('lb')).toBeVisible();
  await expect(t.nodeRow('clients')).toBeVisible();
  await expect(t.noFindings).toBeVisible();
  await expect(t.findingCounts).toHaveText(/0 errors.*0 warnings.*0 info/);

  // Never saved: unsaved from the start. Edits keep it so.
  await expect(t.dirty).toBeVisible();
  await t.name.fill('My shop');
  await expect(t.title).toHaveText(/My shop/);
  await expect(t.dirty).toBeVisible();
  await expect(page).toHaveTitle('• My shop — DevOps Simulator');

  const downloading = page.waitForEvent('download');
  await t.saveAs.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('three-tier.devsim.yaml');
  const text = await readFile((await download.path())!, 'utf8');
  const parsed = topologySchema.safeParse(parse(text));
  expect(parsed.success).toBe(true);
  expect(parsed.data?.metadata.name).toBe('My shop');
  expect(Object.keys(parsed.data?.nodes ?? {})).toContain('lb');
  await expect(t.dirty).toHaveCount(0);
});

test('documents: a broken file from the file input shows its findings with line:column; a finding highlights its line', async ({ app }) => {
  const broken = join(files, 'broken.devsim.yaml');
  await writeFile(broken, 'apiVersion: devsim.io/v1\nkind: Topology\nmetadata:\n  name: Broken\nnodes:\n  api:\n    kind: teapot\n    image: busybox:latest\n');
  await app.open(host.current.url);
  await app.welcome.openFileInput.setInputFiles(broken);

  const t = app.topology;
  await expect(t.unreadable).toBeVisible();
  await expect(t.findingCounts).toContainText('1 error');
  const finding = t.findingItems.first();
  await expect(finding).toHaveAttribute('data-severity', 'error');
  await expect(finding).toContainText('nodes.api.kind');
  await expect(finding.getByTestId('finding-line')).toHaveText('7:11');
  await expect(t.sourceLine(7)).toContainText('kind: teapot');
  await expect(t.sourceLine(7)).not.toHaveClass(/highlighted/);
  await finding.click();
  await expect(t.sourceLine(7)).toHaveClass(/highlighted/);
  await expect(t.save).toBeDisabled();
});

test('documents: a semantic finding on a node highlights that node in the summary (toolbar Open, browser file picker)', async ({ app, page }) => {
  const clash = join(files, 'clash.devsim.yaml');
  const station = `    image: busybox:latest\n    ports: [{ name: http, port: 8080, hostPort: 9000 }]\n    serviceTime:\n      default: { type: exponential, meanMs: 100 }\n`;
  await writeFile(clash, `apiVersion: devsim.io/v1\nkind: Topology\nmetadata:\n  name: Port clash\nnodes:\n  alpha:\n    kind: container\n${station}  beta:\n    kind: container\n${station}`);
  await app.open(host.current.url);
  await app.goTo('topology');
  await expect(app.topology.empty).toBeVisible();
  await app.welcome.page.getByTestId('empty-new-menu').click();
  await page.getByTestId('empty-new-menu-single-queue').click();
  await expect(app.topology.title).toHaveText(/Single queue/);

  const choosing = page.waitForEvent('filechooser');
  await app.topology.open.click();
  // The single-queue document was never saved: opening another asks first.
  const asking = page.waitForEvent('dialog');
  await (await choosing).setFiles(clash);
  const dialog = await asking;
  expect(dialog.message()).toContain('has unsaved changes');
  await dialog.accept();

  const t = app.topology;
  await expect(t.title).toHaveText('Port clash');
  const finding = t.findingItems.filter({ hasText: 'nodes.beta.ports[0].hostPort' });
  await expect(finding.getByTestId('finding-line')).toHaveText('15:49');
  await expect(t.nodeRow('beta')).not.toHaveClass(/highlighted/);
  await finding.click();
  await expect(t.nodeRow('beta')).toHaveClass(/highlighted/);
  await expect(t.nodeRow('alpha')).not.toHaveClass(/highlighted/);
});

test('documents: importing a compose file shows its services as nodes and lists what was not mapped; Ctrl+S downloads it', async ({ app, page }) => {
  await app.open(host.current.url);
  await app.welcome.importInput.setInputFiles(COMPOSE);

  const t = app.topology;
  await expect(t.title).toHaveText(/kafka-zookeeper/i);
  for (const id of ['zookeeper', 'kafka-1', 'kafka-2', 'orders', 'kafka-ui']) await expect(t.nodeRow(id)).toBeVisible();
  await expect(t.report).toContainText('Imported kafka-zookeeper.yml');
  await expect(t.unmapped).toContainText('services.zookeeper.hostname');
  await expect(t.unmapped).toContainText('version');
  await expect(t.dirty).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  expect((await downloading).suggestedFilename()).toBe('kafka-zookeeper.devsim.yaml');
  await expect(t.dirty).toHaveCount(0);
});

test('documents: export to compose downloads docker-compose.yml; Kubernetes comes as one bundled file, and says so', async ({ app, page }) => {
  await app.open(host.current.url);
  await app.welcome.template('three-tier').click();
  const t = app.topology;

  let downloading = page.waitForEvent('download');
  await t.exportAs('compose');
  let download = await downloading;
  expect(download.suggestedFilename()).toBe('docker-compose.yml');
  const compose = parse(await readFile((await download.path())!, 'utf8')) as { services: Record<string, unknown> };
  expect(Object.keys(compose.services).sort()).toEqual(['cache', 'db', 'lb', 'web']); // every node with an image
  await expect(t.report).toContainText('Exported docker-compose');

  downloading = page.waitForEvent('download');
  await t.exportAs('k8s');
  download = await downloading;
  expect(download.suggestedFilename()).toBe('kubernetes.yaml');
  const manifests = (await readFile((await download.path())!, 'utf8')).split(/^---$/m).map((d) => parse(d) as { kind: string });
  expect(manifests.map((m) => m.kind)).toEqual(expect.arrayContaining(['Deployment', 'Service']));
  await expect(page.getByTestId('export-bundled')).toContainText('kubectl apply -f');
});
