// The ML lab's autoscaling comparison in browser mode: HPA, predictive and learned (trained in
// a Web Worker against the kernel) on the open document and the same seeds; the table's
// figures come from the runs, the chart draws them, cancel ends a comparison.
import { HPA_SCALING, smallDayDocument } from './fixtures/small-day.js';
import { expect, test } from './fixtures/test.js';

const DOCUMENT = smallDayDocument(HPA_SCALING);

test('ml compare: HPA, predictive and learned on the open document, the learned policy trained in a worker; figures per policy in a table and bars; cancel stops a comparison', async ({ app, host, page }) => {
  test.setTimeout(180_000);
  await app.open(host.current.url);
  await app.welcome.openFileInput.setInputFiles({ name: 'small-day.devsim.yaml', mimeType: 'application/yaml', buffer: Buffer.from(DOCUMENT) });
  await expect(app.topology.title).toHaveText(/Small day/);
  await app.goTo('ml');
  const compare = page.getByTestId('ml-compare');
  await expect(compare).toContainText('Small day');
  for (const [id, v] of [['ml-compare-seeds', '2'], ['ml-compare-train-seeds', '1'], ['ml-compare-iterations', '2'], ['ml-compare-population', '4']] as const) await page.getByTestId(id).fill(v);
  await page.getByTestId('ml-compare-start').click();
  await expect(page.getByTestId('ml-compare-progress')).toBeVisible();
  await expect(page.getByTestId('ml-compare-result')).toBeVisible({ timeout: 150_000 });
  const rows = page.getByTestId('ml-compare-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute('data-policy', 'hpa');
  await expect(page.getByTestId('ml-compare-result')).toContainText('seeds 1, 2; training seeds 1001');
  // Each policy ran and scaled something: replica-hours are positive; the figures are numbers.
  for (const policy of ['hpa', 'predictive', 'learned']) {
    const hours = Number(await page.locator(`[data-testid="ml-compare-row"][data-policy="${policy}"] td[data-figure="replicaSeconds"]`).getAttribute('data-value'));
    expect(hours).toBeGreaterThan(0);
    const slo = Number(await page.locator(`[data-testid="ml-compare-row"][data-policy="${policy}"] td[data-figure="sloViolationMinutes"]`).getAttribute('data-value'));
    expect(slo).toBeGreaterThanOrEqual(0);
  }
  // The bars the chart draws are the table's means, per figure, in policy order.
  const bars = JSON.parse((await page.getByTestId('ml-compare-chart').getAttribute('data-bars')) ?? '[]') as { id: string; values: number[] }[];
  expect(bars.map((b) => b.id)).toEqual(['sloViolationMinutes', 'p99LatencyMs', 'cost', 'replicaSeconds', 'scalingActions']);
  for (const bar of bars) {
    const cells = await page.locator(`td[data-figure="${bar.id}"]`).evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    expect(bar.values).toEqual(cells);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ml-compare-download').click()]);
  expect(download.suggestedFilename()).toBe('autoscale-compare.json');

  // A longer comparison, cancelled: the worker ends and the lab says so.
  await page.getByTestId('ml-compare-iterations').fill('50');
  await page.getByTestId('ml-compare-start').click();
  await expect(page.getByTestId('ml-compare-progress')).toBeVisible();
  await page.getByTestId('ml-compare-cancel').click();
  await expect(page.getByTestId('ml-compare-error')).toHaveText('Cancelled.');
  await expect(page.getByTestId('ml-compare-start')).toBeEnabled();
});
