import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { callHost } from './fixtures/contract-client.js';
import { expect, test } from './fixtures/test.js';

const TEMPLATE = resolve(import.meta.dirname, '..', '..', 'resources', 'templates', 'production.devsim.yaml');

test('run: the three-tier template runs 120 s at max speed; progress reaches the end, the chart has data, a quiet warm system records no events, and the summary is shown', async ({ app, host }) => {
  await app.open(host.current.url);
  await app.welcome.template('three-tier').click();
  await expect(app.topology.title).toHaveText(/Three-tier/);

  await app.goTo('run');
  const r = app.run;
  await expect(r.start).toBeEnabled();
  await expect(r.blocked).toHaveCount(0);
  await r.startWith(120, 'max');

  await expect(r.state).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
  await expect(r.time).toHaveText('2m 00s / 2m 00s');
  // The first app service is picked, and its frames reached the chart.
  await expect(r.pick('web')).toHaveAttribute('aria-pressed', 'true');
  await expect(r.chartCanvas.first()).toBeVisible();
  await expect(r.chart).toHaveAttribute('data-has-data', 'true');
  // A frame per scrape interval (15 s): 120 s give 8.
  await expect(r.chart).toHaveAttribute('data-frames', '8');
  // Its replicas were running when the run began, and nothing failed: no instance events, no faults.
  await expect(r.events).toContainText('No events yet.');
  await expect(r.eventRows).toHaveCount(0);
  await expect(r.summary).toBeVisible();
  await expect(r.summaryNodes.filter({ hasText: 'web' })).toBeVisible();
  await expect(r.summarySources).not.toHaveCount(0);
  await expect(r.failed).toHaveCount(0);

  // The document is untouched by the run, and a finished run lets another start.
  await expect(r.start).toBeEnabled();
  await app.goTo('topology');
  await expect(app.topology.nodeRow('web')).toBeVisible();
});

/** The first line's colour (echarts' first palette entry): end-to-end throughput. */
const FIRST_LINE: [number, number, number] = [0x54, 0x70, 0xc6];

test('live view: the production template runs; a node picked on the picker or the canvas gets its charts; the canvas shows health and counters; PNG export', async ({ app, host, page }) => {
  await app.open(host.current.url);
  await app.welcome.template('production').click();
  await expect(app.topology.title).toHaveText(/Production/);
  await app.goTo('run');
  const r = app.run;
  await r.startWith(3600, 'max');
  await expect(r.state).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });

  // End to end and the first app service come first; picking db adds its lines with data.
  await expect(r.pick('(end to end)')).toHaveAttribute('aria-pressed', 'true');
  await expect(r.pick('api')).toHaveAttribute('aria-pressed', 'true');
  await r.pick('db').click();
  await expect(r.chart).toHaveAttribute('data-picked', '(end to end),api,db');
  const lines = await r.chartLines();
  for (const metric of ['throughput_rps', 'latency_p95_ms', 'cpu_cores', 'memory_mib', 'replicas', 'queue_length', 'cost_per_hour'])
    expect(lines.find((l) => l.id === `a:db|${metric}`)?.points, `db ${metric}`).toBeGreaterThan(100);
  expect(lines.find((l) => l.id === 'a:(end to end)|throughput_rps')?.points).toBeGreaterThan(100);
  expect(lines.find((l) => l.id === 'a:(end to end)|latency_p99_ms')?.points).toBeGreaterThan(100);
  // …and the chart canvas really has the first line's colour on it.
  expect(await r.chartPixelsNear(FIRST_LINE)).toBeGreaterThan(200);

  // The run canvas: every node coloured by health, with live counters, and loaded links labelled.
  await expect(r.canvasNodes).toHaveCount(9);
  for (const node of await r.canvasNodes.all()) {
    await expect(node).toHaveAttribute('data-health', /^(healthy|degraded|down)$/);
    expect(await node.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toMatch(/^rgba\(0, 0, 0, 0\)$/);
  }
  await expect(r.canvasNode('api').getByTestId('run-node-counters')).toContainText(/\d.* req\/s/);
  await expect(r.canvasNode('api').getByTestId('run-node-counters')).toContainText(/p95 \d/);
  await expect(r.canvas.locator('.react-flow__edge-text').filter({ hasText: /req\/s/ }).first()).toBeVisible();

  // Clicking a node on the canvas puts it (alone) on the charts.
  await r.canvasNode('lb').click();
  await expect(r.chart).toHaveAttribute('data-picked', 'lb');
  await expect(r.pick('lb')).toHaveAttribute('aria-pressed', 'true');
  expect((await r.chartLines()).find((l) => l.id === 'a:lb|throughput_rps')?.points).toBeGreaterThan(100);

  // Export the charts as a PNG: a real PNG file of the chart's size.
  const [png] = await Promise.all([page.waitForEvent('download'), r.exportPng.click()]);
  expect(png.suggestedFilename()).toMatch(/^run-.*-charts\.png$/);
  const bytes = await readFile((await png.path())!);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000); // width at pixel ratio 2
  expect(bytes.length).toBeGreaterThan(20_000);
});

test('live view: a region taken out turns its nodes down on the run canvas; the fault clicked on the timeline moves the charts cursor there and zooms around it; hovering the charts there highlights it', async ({ app, host, page }) => {
  const r = await app.runProductionLive(host.current.url, 3600, 100);
  await expect(r.canvasNode('api')).toHaveAttribute('data-health', 'healthy', { timeout: 20_000 });
  await r.injectFault('region-outage', 'us-east-1', {}, 300);
  const fault = page.locator('[data-testid="run-event"][data-type="fault-started"]').first();
  await expect(fault).toBeVisible({ timeout: 20_000 });
  // The nodes of the region go down while it is out, the failover cloud keeps serving, and they come back after.
  await expect(r.canvasNode('api')).toHaveAttribute('data-health', 'down', { timeout: 10_000 });
  await expect(r.canvasNode('api-failover')).not.toHaveAttribute('data-health', 'down');
  await expect(page.locator('[data-testid="run-event"][data-type="fault-ended"]').first()).toBeVisible({ timeout: 20_000 });
  await expect(r.canvasNode('api')).not.toHaveAttribute('data-health', 'down', { timeout: 20_000 });
  await r.stop.click();
  await expect(r.state).toHaveAttribute('data-state', 'cancelled', { timeout: 20_000 });

  const t = Number(await fault.getAttribute('data-t')) / 1000;
  await fault.click();
  await expect(fault).toHaveClass(/at-cursor/);
  await expect(r.chart).toHaveAttribute('data-cursor', String(t));
  const [from, to] = ((await r.chart.getAttribute('data-zoom')) ?? '').split(',').map(Number);
  expect(from).toBeLessThanOrEqual(t);
  expect(to).toBeGreaterThanOrEqual(t);
  expect(to! - from!).toBeLessThan(600);

  // The pointer over the charts at the fault's time (the grids span from 70 px to 24 px before the right edge) highlights it.
  const box = (await r.chart.boundingBox())!;
  await r.chart.hover({ position: { x: 70 + ((t - from!) / (to! - from!)) * (box.width - 94), y: box.height * 0.08 } });
  await expect(page.locator('[data-testid="run-event"][data-near="true"][data-type="fault-started"]')).toHaveCount(1);
});

test('compare: two runs of the production template with different seeds on the same charts, B dashed, key figures side by side', async ({ app, host }) => {
  await app.open(host.current.url);
  await app.welcome.template('production').click();
  await expect(app.topology.title).toHaveText(/Production/);
  await app.goTo('run');
  const r = app.run;
  await r.seed.fill('1');
  await r.startWith(1800, 'max');
  await expect(r.state).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
  await expect(r.listRows).toHaveCount(1);
  const first = await r.listRows.first().getAttribute('data-run');
  await r.seed.fill('2');
  await r.startWith(1800, 'max');
  await expect(r.listRows).toHaveCount(2, { timeout: 60_000 });
  await expect(r.state).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });

  const row = r.list.locator(`[data-testid="run-list-row"][data-run="${first}"]`);
  await row.getByTestId('run-list-compare').click();
  await expect(r.compare).toBeVisible();
  await expect(row.getByTestId('run-list-compare')).toHaveAttribute('aria-pressed', 'true');
  await expect(r.compareRows.filter({ hasText: 'Seed' })).toContainText(/2\s*1/);
  await expect(r.compareRows.filter({ hasText: 'Latency p99' })).toContainText(/ms.*ms/);

  // Both runs' lines on the same charts, on the same simulated-time axis.
  await expect.poll(async () => (await r.chartLines()).filter((l) => l.id.startsWith('b:')).length).toBeGreaterThan(0);
  const lines = await r.chartLines();
  const a = lines.find((l) => l.id === 'a:(end to end)|throughput_rps')!;
  const b = lines.find((l) => l.id === 'b:(end to end)|throughput_rps')!;
  expect(a.points).toBe(120);
  expect(b.points).toBe(120);
  expect(b.name).toMatch(/\(B\)$/);

  await r.page.getByTestId('run-compare-close').click();
  await expect(r.compare).toHaveCount(0);
  expect((await r.chartLines()).some((l) => l.id.startsWith('b:'))).toBe(false);
});

test('24 hours at 10 s resolution: every frame kept in the store, each chart panel drawn at about screen resolution with dozens of lines; redraw times reported', async ({ app, host, page }, testInfo) => {
  test.setTimeout(120_000);
  await app.open(host.current.url);
  await app.welcome.template('single-queue').click();
  await expect(app.topology.title).toHaveText(/queue/i);
  await app.goTo('run');
  const r = app.run;
  await r.resolution.fill('10');
  await r.startWith(86_400, 'max');
  await expect(r.chart).toBeVisible();
  // Every redraw while the run goes, as the chart reports it.
  await r.chart.evaluate((el) => {
    const draws: number[] = [];
    (window as unknown as { runDraws: number[] }).runDraws = draws;
    new MutationObserver(() => draws.push(Number(el.getAttribute('data-draw-ms')))).observe(el, { attributes: true, attributeFilter: ['data-draw-ms'] });
  });
  await expect(r.state).toHaveAttribute('data-state', 'completed', { timeout: 90_000 });
  // The live stream may skip frames at full speed; the finished run holds all 8,640 (from SQLite).
  await expect(r.chart).toHaveAttribute('data-frames', '8640', { timeout: 20_000 });
  const live = await page.evaluate(() => (window as unknown as { runDraws: number[] }).runDraws.slice().sort((a, b) => a - b));

  // Every node on the charts: end to end plus each node, ten lines each.
  for (const pick of await r.picker.locator('[aria-pressed="false"]').all()) await pick.click();
  await expect.poll(async () => (await r.chartLines()).length).toBeGreaterThanOrEqual(24);
  const lines = await r.chartLines();
  const points = Number(await r.chart.getAttribute('data-points'));
  const width = (await r.chart.boundingBox())!.width;
  expect(points).toBeLessThan(8640);
  expect(points).toBeLessThanOrEqual(Math.ceil(width) * 4);
  expect(Math.max(...lines.map((l) => l.points))).toBeGreaterThan(width / 2);
  const allLines = Number(await r.chart.getAttribute('data-draw-ms'));
  const q = (p: number): number => live[Math.min(live.length - 1, Math.floor(live.length * p))] ?? NaN;
  const figures = `${lines.length} lines, ${points} of 8640 points per panel at ${Math.round(width)} px; live redraws ${live.length}, p50 ${q(0.5)} ms, p95 ${q(0.95)} ms; redraw with every line ${allLines} ms`;
  testInfo.annotations.push({ type: 'figures', description: figures });
  console.log(figures);
});

test('alerts: a stored run with an alert that fires and resolves lists it (severity, rule, node, times, duration); clicking it moves the charts cursor to its firing', async ({ app, host, page }) => {
  // The production template on a cold start, with one more rule: the users see errors while the API's instances start (the first 20 s).
  const document = parse(await readFile(TEMPLATE, 'utf8')) as { settings: { monitoring: { alertRules: unknown[] } }; scenario: Record<string, unknown> };
  document.scenario.coldStart = true;
  document.settings.monitoring.alertRules.push({ name: 'StartupErrors', target: 'users', metric: 'error_rate_percent', op: '>', threshold: 50, forS: 0, severity: 'critical' });
  const started = (await callHost(host.current, 'startRun', { document, name: 'Alerts', parameters: { durationS: 600, speed: 'max' } })) as { id: string };
  await expect.poll(async () => ((await callHost(host.current, 'getRun', { id: started.id })) as { state: string }).state, { timeout: 60_000 }).toBe('completed');

  await app.open(host.current.url);
  await app.goTo('run');
  const r = app.run;
  await r.list.locator(`[data-testid="run-list-row"][data-run="${started.id}"]`).getByTestId('run-list-open').click();
  // No document is open: the canvas draws the document the run simulated, coloured by its last frame.
  await expect(page.getByTestId('run-canvas-none')).toHaveCount(0);
  await expect(r.canvasNode('api')).toHaveAttribute('data-health', /healthy|degraded|down/);
  const alert = r.alertRows.filter({ hasText: 'StartupErrors' }).first();
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('data-state', 'resolved');
  await expect(alert).toHaveAttribute('data-severity', 'critical');
  const cells = await alert.locator('td').allTextContents();
  expect(cells.slice(1, 4)).toEqual(['critical', 'StartupErrors', 'users']);
  const fired = Number.parseFloat(cells[0]!);
  const resolved = Number.parseFloat(cells[4]!);
  expect(resolved).toBeGreaterThan(fired);
  expect(Number.parseFloat(cells[5]!)).toBeCloseTo(resolved - fired, 5);

  await alert.click();
  await expect(alert).toHaveClass(/at-cursor/);
  await expect(r.chart).toHaveAttribute('data-cursor', String(fired));
  await expect(page.locator('[data-testid="run-event"][data-type="alert-firing"]').first()).toBeVisible();
});
