import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/test.js';

test('run history: a finished run is in the list after a reload, reopens into the charts, exports, and deletes after confirming', async ({ app, host, page }) => {
  await app.open(host.current.url);
  await app.welcome.template('three-tier').click();
  await expect(app.topology.title).toHaveText(/Three-tier/);
  await app.goTo('run');
  const r = app.run;
  await expect(r.list.getByText('Loading…')).toHaveCount(0);
  const before = await r.listRows.count();
  // At 10x wall time there is time to kill an instance: the run then has events to export and reopen.
  await r.startWith(120, 10);
  await expect(r.state).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  await r.faultType.selectOption('pod-kill');
  await expect(r.faultTarget).not.toHaveValue('');
  await r.faultInject.click();
  await expect(r.page.locator('[data-testid="run-event"][data-type="fault-started"]').first()).toBeVisible({ timeout: 20_000 });
  await expect(r.state).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
  // The finished run comes first in the refreshed list.
  await expect(r.listRows).toHaveCount(before + 1);
  const id = await r.listRows.first().getAttribute('data-run');
  expect(id).toMatch(/^run-/);
  await expect(r.listRows.first()).toHaveAttribute('data-state', 'completed');

  // The downloads: JSON with summary, series and events; CSV in long form.
  const [json] = await Promise.all([page.waitForEvent('download'), r.exportJson.click()]);
  const parsed = JSON.parse(await readFile((await json.path())!, 'utf8')) as { summary: unknown; series: { frames: unknown[] }; events: unknown[] };
  expect(parsed.summary).not.toBeNull();
  expect(parsed.series.frames).toHaveLength(8);
  expect(parsed.events.length).toBeGreaterThan(0);
  const [csv] = await Promise.all([page.waitForEvent('download'), r.exportCsv.click()]);
  expect((await readFile((await csv.path())!, 'utf8')).split('\n')[0]).toMatch(/^time_s,node,/);

  await page.reload();
  await expect(app.ready).toBeVisible();
  await app.goTo('run');
  const row = page.locator(`[data-testid="run-list-row"][data-run="${id}"]`);
  await expect(row).toBeVisible();
  await row.getByTestId('run-list-open').click();
  await expect(r.chart).toHaveAttribute('data-frames', '8');
  await expect(r.chart).toHaveAttribute('data-has-data', 'true');
  await expect(r.eventRows.first()).toBeVisible();
  await expect(r.summary).toBeVisible();

  await row.getByTestId('run-list-delete').click();
  await row.getByTestId('run-list-confirm-delete').click();
  await expect(row).toHaveCount(0);
  await expect(r.summary).toHaveCount(0);
});

test('faults: a pod kill injected during a paced run shows on the event timeline', async ({ app, host }) => {
  await app.open(host.current.url);
  await app.welcome.template('three-tier').click();
  await expect(app.topology.title).toHaveText(/Three-tier/);
  await app.goTo('run');
  const r = app.run;
  await r.startWith(600, 10);
  await expect(r.state).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  await r.faultType.selectOption('pod-kill');
  await expect(r.faultTarget).not.toHaveValue('');
  await r.faultInject.click();
  await expect(r.error).toHaveCount(0);
  await expect(r.page.locator('[data-testid="run-event"][data-type="fault-started"]').first()).toBeVisible({ timeout: 20_000 });
  await r.stop.click();
  await expect(r.state).toHaveAttribute('data-state', 'cancelled', { timeout: 20_000 });
});
