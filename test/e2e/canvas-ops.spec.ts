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

/** The production template open on the canvas. */
async function production(app: AppPage): Promise<void> {
  await app.open(host.current.url);
  await app.welcome.template('production').click();
  await expect(app.topology.canvas.root).toBeVisible();
  await expect(app.topology.canvas.node('grafana')).toBeVisible();
}

/** The document as Save As writes it. */
async function saved(app: AppPage, page: Page): Promise<Topology> {
  const downloading = page.waitForEvent('download');
  await app.topology.saveAs.click();
  return topologySchema.parse(parse(await readFile((await (await downloading).path())!, 'utf8')));
}

test('canvas ops: box-select two linked nodes, duplicate them with their link under fresh ids, undo in one step', async ({ app, page }) => {
  await production(app);
  const c = app.topology.canvas;
  const nodes = await c.nodes.count();
  const edges = await c.edges.count();

  await c.boxSelect(['lb', 'api']);
  expect((await c.selectedIds()).sort()).toEqual(['api', 'lb']);
  await page.keyboard.press('Control+d');
  await expect(c.nodes).toHaveCount(nodes + 2);
  await expect(c.edges).toHaveCount(edges + 1);
  // The copies are the new selection.
  await expect.poll(async () => (await c.selectedIds()).sort()).toEqual(['api-2', 'lb-2']);
  const doc = await saved(app, page);
  expect(doc.nodes['lb-2']).toMatchObject({ kind: 'load-balancer', group: 'us-east-1' });
  expect(doc.nodes['api-2']).toMatchObject({ kind: 'app-service', group: 'us-east-1' });
  expect(doc.links.filter((l) => l.from === 'lb-2' || l.to === 'api-2')).toMatchObject([{ type: 'call', from: 'lb-2', to: 'api-2' }]);

  await page.keyboard.press('Control+z');
  await expect(c.nodes).toHaveCount(nodes);
  await expect(c.edges).toHaveCount(edges);
});

test('canvas ops: shift-click two nodes and align their left edges from the toolbar; one undo puts both back', async ({ app, page }) => {
  await production(app);
  const c = app.topology.canvas;
  await c.node('lb').click();
  await c.node('grafana').click({ modifiers: ['Shift'] });
  expect((await c.selectedIds()).sort()).toEqual(['grafana', 'lb']);
  const before = { lb: (await c.node('lb').boundingBox())!, grafana: (await c.node('grafana').boundingBox())! };
  expect(Math.abs(before.lb.x - before.grafana.x)).toBeGreaterThan(50);

  await c.align('left');
  await expect.poll(async () => Math.abs((await c.node('lb').boundingBox())!.x - (await c.node('grafana').boundingBox())!.x)).toBeLessThan(1);
  const doc = await saved(app, page);
  expect(doc.nodes['lb']!.position!.x).toBe(doc.nodes['grafana']!.position!.x);
  expect(doc.nodes['lb']!.position!.y).not.toBe(doc.nodes['grafana']!.position!.y);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await c.node('grafana').boundingBox())!.x).toBeCloseTo(before.grafana.x, 0);
  const undone = await saved(app, page);
  expect(undone.nodes['lb']!.position).toBeUndefined();
  expect(undone.nodes['grafana']!.position).toBeUndefined();
});

test('canvas ops: auto-layout (elkjs in its worker) places every node as one command; undo restores the positions', async ({ app, page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /laying out in the page/.test(m.text())) problems.push(m.text());
  });
  await production(app);
  const c = app.topology.canvas;
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));

  await c.autoLayout.click();
  await expect(c.autoLayout).toHaveText('Auto-layout');
  const laidOut = await saved(app, page);
  for (const [id, n] of Object.entries(laidOut.nodes)) expect(n.position, id).toBeDefined();
  // Calls run left to right.
  for (const l of laidOut.links.filter((x) => x.type === 'call')) expect(laidOut.nodes[l.from]!.position!.x, `${l.from} → ${l.to}`).toBeLessThan(laidOut.nodes[l.to]!.position!.x);
  expect(workers.some((u) => /elk-worker/.test(u))).toBe(true);
  expect(problems).toEqual([]);

  await page.keyboard.press('Control+z');
  const undone = await saved(app, page);
  for (const [id, n] of Object.entries(undone.nodes)) expect(n.position, id).toBeUndefined();
  await page.keyboard.press('Control+Shift+l');
  await expect.poll(async () => Object.values((await saved(app, page)).nodes).every((n) => n.position !== undefined)).toBe(true);
});

test('canvas ops: dragging a node into a region frame makes it a member; out again removes it; undo brings it back', async ({ app, page }) => {
  await production(app);
  const c = app.topology.canvas;
  const frame = (await c.frame('us-east1').boundingBox())!;
  const a = (await c.node('lb-failover').boundingBox())!;
  const b = (await c.node('api-failover').boundingBox())!;
  // Between the region's two members, inside the frame.
  await c.dragTo('geodns', (a.x + a.width + b.x) / 2, a.y + a.height / 2);
  await expect.poll(async () => (await saved(app, page)).nodes['geodns']!.group).toBe('us-east1');
  await expect(c.frame('us-east1')).toBeVisible();

  // Out of every frame: below the drawing.
  await c.dragTo('geodns', frame.x + frame.width / 2, frame.y + frame.height + 140);
  await expect.poll(async () => (await saved(app, page)).nodes['geodns']!.group).toBeUndefined();
  await c.node('geodns').click();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await saved(app, page)).nodes['geodns']!.group).toBe('us-east1');
});

test('canvas ops: ? and the toolbar button open the shortcut list; focus stays inside; Esc closes it', async ({ app, page }) => {
  await production(app);
  const c = app.topology.canvas;
  await c.node('api').click();
  await page.keyboard.press('Shift+?');
  await expect(c.help).toBeVisible();
  await expect(c.helpRows.filter({ hasText: 'Duplicate' })).toContainText('Ctrl+D');
  await expect(c.helpRows.filter({ hasText: 'Auto-layout' })).toContainText('Ctrl+Shift+L');
  expect(await c.helpRows.count()).toBeGreaterThan(15);
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await c.help.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  // Shortcuts of the canvas do nothing while the list is open.
  const nodes = await c.nodes.count();
  await page.keyboard.press('Control+d');
  await expect(c.nodes).toHaveCount(nodes);
  await page.keyboard.press('Escape');
  await expect(c.help).toBeHidden();

  await c.shortcutsButton.click();
  await expect(c.help).toBeVisible();
  await c.helpClose.click();
  await expect(c.help).toBeHidden();
});

test('canvas ops: Export ▸ Diagram as PNG downloads a real PNG of the whole diagram; as SVG it holds the node labels', async ({ app, page }) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
  });
  await production(app);
  const t = app.topology;

  let downloading = page.waitForEvent('download');
  await t.exportMenu.click();
  await page.getByTestId('export-menu-png').click();
  let file = await downloading;
  expect(file.suggestedFilename()).toBe('production.png');
  const png = await readFile((await file.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: width and height (big-endian) right after the signature and chunk header; the whole diagram at 1:1 is wide.
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBeGreaterThan(800);
  expect(height).toBeGreaterThan(200);
  expect(png.length).toBeGreaterThan(10_000);

  downloading = page.waitForEvent('download');
  await t.exportMenu.click();
  await page.getByTestId('export-menu-svg').click();
  file = await downloading;
  expect(file.suggestedFilename()).toBe('production.svg');
  const svg = await readFile((await file.path())!, 'utf8');
  expect(svg).toMatch(/^<svg[\s>]/);
  for (const label of ['Users', 'Load balancer', 'Grafana', 'Prometheus']) expect(svg).toContain(label);
  // The links are drawn too: edge paths with their stroke pinned (the SVG root's styles do not reach them).
  expect(svg.match(/class="react-flow__edge-path" style="[^"]*stroke: rgb/g)?.length).toBeGreaterThan(5);
  expect(cspErrors).toEqual([]);
});

test('canvas ops: arrow keys nudge the selected node; the burst is one edit in the document and one undo', async ({ app, page }) => {
  await production(app);
  const c = app.topology.canvas;
  await c.node('grafana').click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await saved(app, page)).nodes['grafana']!.position).toBeDefined();
  const moved = (await saved(app, page)).nodes['grafana']!.position!;
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await saved(app, page)).nodes['grafana']!.position).toBeUndefined();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await saved(app, page)).nodes['grafana']!.position).toEqual(moved);
});

test('canvas ops: Ctrl+C puts the selection on the clipboard as YAML; Ctrl+V pastes it at the pointer under fresh ids', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await production(app);
  const c = app.topology.canvas;
  const nodes = await c.nodes.count();
  await c.boxSelect(['lb', 'api']);
  await page.keyboard.press('Control+c');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const copied = parse(text) as { nodes: Record<string, { kind: string }>; links: { from: string; to: string }[] };
  expect(Object.keys(copied.nodes).sort()).toEqual(['api', 'lb']);
  expect(copied.links).toMatchObject([{ from: 'lb', to: 'api' }]);

  // Paste over an empty spot: below the GCP frame.
  const frame = (await c.frame('us-east1').boundingBox())!;
  const at = { x: frame.x + 10, y: frame.y + frame.height + 40 };
  await page.mouse.move(at.x, at.y);
  await page.keyboard.press('Control+v');
  await expect(c.nodes).toHaveCount(nodes + 2);
  const pasted = (await c.node('lb-2').boundingBox())!;
  expect(Math.abs(pasted.x - at.x)).toBeLessThan(20);
  expect(Math.abs(pasted.y - at.y)).toBeLessThan(20);
  const doc = await saved(app, page);
  expect(doc.links.filter((l) => l.from === 'lb-2')).toMatchObject([{ to: 'api-2' }]);
  // Pasted outside every frame, the copies are in no group (as a drop there would be).
  expect(doc.nodes['lb-2']!.group).toBeUndefined();
  expect(doc.nodes['api-2']!.group).toBeUndefined();
});

test('canvas ops: dragging a region frame by its title moves its members with it, as one undoable edit', async ({ app, page }) => {
  await production(app);
  const c = app.topology.canvas;
  const before = { lb: (await c.node('lb-failover').boundingBox())!, api: (await c.node('api-failover').boundingBox())! };
  const title = (await c.frame('us-east1').locator('.canvas-frame-title').boundingBox())!;
  const x = title.x + 20;
  const y = title.y + title.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 20, y + 30, { steps: 5 });
  await page.mouse.move(x + 40, y + 60, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await c.node('lb-failover').boundingBox())!.y).toBeGreaterThan(before.lb.y + 20);
  const after = { lb: (await c.node('lb-failover').boundingBox())!, api: (await c.node('api-failover').boundingBox())! };
  // Both members moved by the same amount, and the document says so.
  expect(after.lb.x - before.lb.x).toBeCloseTo(after.api.x - before.api.x, 0);
  expect(after.lb.y - before.lb.y).toBeCloseTo(after.api.y - before.api.y, 0);
  const doc = await saved(app, page);
  expect(doc.nodes['lb-failover']!.position!.y).toBe(doc.nodes['api-failover']!.position!.y);
  expect(doc.nodes['lb-failover']!.group).toBe('us-east1');
  await page.keyboard.press('Control+z');
  const undone = await saved(app, page);
  expect(undone.nodes['lb-failover']!.position).toBeUndefined();
  expect(undone.nodes['api-failover']!.position).toBeUndefined();
});
