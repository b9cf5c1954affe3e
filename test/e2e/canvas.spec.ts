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
  // Left and down: the pointer stays inside the canvas (past its edge the view pans along and the node leaves the view).
  await c.drag('grafana', -120, 60);
  await expect(t.dirty).toBeVisible();
  const after = await c.node('grafana').boundingBox();
  expect(after!.x).toBeLessThan(before!.x - 20);
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

test('canvas edits: add Redis from the palette, connect the api to it, undo twice, redo once; the document and the canvas agree', async ({ app, page }) => {
  await app.open(host.current.url);
  await app.welcome.template('production').click();
  const t = app.topology;
  const c = t.canvas;
  await expect(c.root).toBeVisible();
  const nodes = await c.nodes.count();
  const edges = await c.edges.count();
  /** The document as Save As writes it. */
  const saved = async () => {
    const downloading = page.waitForEvent('download');
    await t.saveAs.click();
    return topologySchema.parse(parse(await readFile((await (await downloading).path())!, 'utf8')));
  };

  await c.paletteItem('redis').click();
  await expect(c.nodes).toHaveCount(nodes + 1);
  await expect(c.inspectorId).toHaveText('redis');
  await expect(c.node('redis')).toBeVisible();

  // Refused with the reason: a call into the traffic source.
  await c.connect('redis', 'users');
  await expect(c.refusal).toContainText('traffic source');
  await expect(c.edges).toHaveCount(edges);

  // A chosen type that does not fit the kinds is refused too.
  await c.linkType.selectOption('scrape');
  await c.connect('api', 'redis');
  await expect(c.refusal).toContainText('Only Prometheus scrapes');
  await c.linkType.selectOption('');

  await c.connect('api', 'redis');
  await expect(c.edges).toHaveCount(edges + 1);
  await expect(c.refusal).toHaveCount(0);
  let doc = await saved();
  expect(doc.nodes['redis']).toMatchObject({ kind: 'redis', hitRatio: 0.8 });
  expect(doc.links.filter((l) => l.from === 'api' && l.to === 'redis')).toMatchObject([{ type: 'call' }]);
  await expect(t.dirty).toHaveCount(0);

  await c.node('api').click();
  await page.keyboard.press('Control+z');
  await expect(c.edges).toHaveCount(edges);
  await expect(t.dirty).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(c.nodes).toHaveCount(nodes);
  await page.keyboard.press('Control+Shift+z');
  await expect(c.nodes).toHaveCount(nodes + 1);
  await expect(c.edges).toHaveCount(edges);
  doc = await saved();
  expect(Object.keys(doc.nodes)).toHaveLength(nodes + 1);
  expect(doc.nodes['redis']).toMatchObject({ kind: 'redis' });
  expect(doc.links.some((l) => l.to === 'redis')).toBe(false);

  // Delete removes it again.
  await c.node('redis').click();
  await page.keyboard.press('Delete');
  await expect(c.nodes).toHaveCount(nodes);
});
