import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { topologySchema } from '../../src-preload/contract/index.js';
import { WebHost } from './fixtures/host.js';
import { expect, test } from './fixtures/test.js';

let host: WebHost;

test.beforeAll(async () => {
  host = await WebHost.create();
  await host.start();
});
test.afterAll(async () => {
  await host.dispose();
});

test('canvas: the production template shows every node; dragging one marks the document unsaved and Save As writes its new position', async ({ app, page }) => {
  await app.open(host.current.url);
  await app.welcome.template('production').click();
  const t = app.topology;
  const c = t.canvas;
  await expect(t.title).toBeVisible();
  await expect(c.root).toBeVisible();
  await expect(c.minimap).toBeVisible();
  await expect(c.controls).toBeVisible();

  // As many canvas nodes as the document has (the summary lists each one).
  const count = await t.nodeRows.count();
  expect(count).toBeGreaterThan(5);
  await expect(c.nodes).toHaveCount(count);
  await expect(c.frames).not.toHaveCount(0);
  await expect(c.edges).not.toHaveCount(0);

  // Selecting a node shows it in the inspector.
  await c.node('api').click();
  await expect(c.inspectorId).toHaveText('api');
  await expect(c.inspectorPosition).toHaveText('laid out automatically');

  // Saved first, so the drag is what makes it unsaved.
  let downloading = page.waitForEvent('download');
  await t.saveAs.click();
  await downloading;
  await expect(t.dirty).toHaveCount(0);

  const before = await c.node('grafana').boundingBox();
  await c.drag('grafana', 160, 96);
  await expect(t.dirty).toBeVisible();
  const after = await c.node('grafana').boundingBox();
  expect(after!.x).toBeGreaterThan(before!.x + 20);
  await c.node('grafana').click();
  await expect(c.inspectorPosition).not.toHaveText('laid out automatically');
  const shown = (await c.inspectorPosition.textContent())!;

  downloading = page.waitForEvent('download');
  await t.saveAs.click();
  const text = await readFile((await (await downloading).path())!, 'utf8');
  const parsed = topologySchema.parse(parse(text));
  const position = parsed.nodes['grafana']?.position;
  expect(position).toBeDefined();
  expect(`${position!.x}, ${position!.y}`).toBe(shown);
  expect(parsed.nodes['api']?.position).toBeUndefined();
  await expect(t.dirty).toHaveCount(0);
});
