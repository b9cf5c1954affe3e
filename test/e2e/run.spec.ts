import { expect, test } from './fixtures/test.js';

test('run: the three-tier template runs 120 s at max speed; progress reaches the end, the chart has data, events are listed and the summary is shown', async ({ app, host }) => {
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
  await expect(r.node).toHaveValue('web');
  await expect(r.chartCanvas.first()).toBeVisible();
  await expect(r.chart).toHaveAttribute('data-has-data', 'true');
  // A frame per scrape interval (15 s): 120 s give 8.
  await expect(r.chart).toHaveAttribute('data-frames', '8');
  await expect(r.eventRows.first()).toBeVisible();
  await expect(r.summary).toBeVisible();
  await expect(r.summaryNodes.filter({ hasText: 'web' })).toBeVisible();
  await expect(r.summarySources).not.toHaveCount(0);
  await expect(r.failed).toHaveCount(0);

  // The document is untouched by the run, and a finished run lets another start.
  await expect(r.start).toBeEnabled();
  await app.goTo('topology');
  await expect(app.topology.nodeRow('web')).toBeVisible();
});
