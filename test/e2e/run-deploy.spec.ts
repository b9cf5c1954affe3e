// Deploying a new version while a run goes: the person picks the Production template's API, a
// canary of v2 that fails half its requests, and deploys it from the Run area; the timeline
// shows the rollout start, the automatic rollback with its reason, and the rollout's end.
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
