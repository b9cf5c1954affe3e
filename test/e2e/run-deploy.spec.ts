// Breaking things while a run goes, from the Run area: a canary of v2 that fails half its
// requests, deployed on the Production template's API, is rolled back automatically (start,
// rollback with its reason, end on the timeline); CPU stress on the API starts and ends there too.
import { callHost } from './fixtures/contract-client.js';
import { expect, test } from './fixtures/test.js';

test('run deploy: a canary of a version that fails half its requests, deployed during a run, is rolled back automatically; all three steps are on the timeline', async ({ app, host, page }) => {
  await app.runProductionLive(host.current.url, 3600, 100);

  await page.getByTestId('deploy-target').selectOption('api');
  await expect(page.getByTestId('deploy-version')).toHaveValue('v2');
  await page.getByTestId('deploy-strategy').selectOption('canary');
  await page.getByTestId('deploy-errors').fill('50');
  await expect(page.getByTestId('deploy-rollback')).toBeChecked();
  await page.getByTestId('deploy-start').click();

  const row = (type: string) => page.locator(`[data-testid="run-event"][data-type="${type}"]`).first();
  await expect(row('deployment-started')).toContainText('api: deploying v2 over v1 (canary', { timeout: 20_000 });
  await expect(row('rollback')).toContainText(/rolling v2 back to v1: its error rate [\d.]+ % is over the SLO's/, { timeout: 20_000 });
  await expect(row('deployment-finished')).toContainText('api: v2 rolled back', { timeout: 20_000 });

  const runs = (await callHost(host.current, 'listRuns')) as { id: string }[];
  const { events } = (await callHost(host.current, 'getRunEvents', { id: runs[0]!.id })) as { events: { type: string; tMs: number; data?: Record<string, unknown> }[] };
  const finished = events.find((e) => e.type === 'deployment-finished')!;
  expect(finished.data).toMatchObject({ version: 'v2', strategy: 'canary', outcome: 'rolled-back' });
  expect(Number(finished.data!['regressionErrors'])).toBeGreaterThan(0);
  expect(finished.tMs).toBeGreaterThanOrEqual(events.find((e) => e.type === 'deployment-started')!.tMs);
});

test('run stress: CPU stress injected on the API during a run is on the timeline with what it takes, and ends after its duration', async ({ app, host, page }) => {
  const r = await app.runProductionLive(host.current.url, 3600, 100);
  await r.injectFault('cpu-stress', 'api', { 'fault-load': '60' }, 120);
  const started = page.locator('[data-testid="run-event"][data-type="fault-started"]').first();
  await expect(started).toContainText("cpu-stress on api (injected): stressors take 60 % of each instance's CPU on 1 node for 120 s", { timeout: 20_000 });
  await expect(page.locator('[data-testid="run-event"][data-type="fault-ended"]').first()).toContainText('cpu-stress on api ended', { timeout: 20_000 });
});
