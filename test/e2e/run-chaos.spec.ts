// A fault is a chaos experiment: injected during a live run, it gets a steady-state check
// before it (the SLO held for slo.steadyStateS) and one after it on the timeline, and the
// finished run's summary lists it with its verdict. A bandwidth limit injected the same way says
// what each call costs on the link.
import { callHost } from './fixtures/contract-client.js';
import { expect, test } from './fixtures/test.js';

test('chaos experiment: a pod-kill injected on the API has its steady state checked before and after on the timeline, and the summary lists it with its verdict', async ({ app, host, page }) => {
  const r = await app.runProductionLive(host.current.url, 900, 100);
  // A baseline needs a minute of scrapes before the fault.
  await expect.poll(async () => Number(await r.time.getAttribute('data-simulated-ms')), { timeout: 30_000 }).toBeGreaterThan(90_000);
  await r.injectFault('pod-kill', 'api');

  const checks = page.locator('[data-testid="run-event"][data-type="steady-state"]');
  await expect(checks.first()).toContainText('steady state before pod-kill on api: the SLO (p99 ≤ 500 ms, errors ≤ 0.5 %) held for 60 s', { timeout: 20_000 });
  await r.speed.selectOption('max');
  await expect(r.state).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
  await expect(checks.filter({ hasText: /pod-kill on api: the steady state (held throughout|came back)/ })).toHaveCount(1);

  const row = page.getByTestId('summary-experiment');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('pod-kill on api (injected)');
  await expect(row).toContainText('held');
  // The host's stored summary says the same as the table.
  const runs = (await callHost(host.current, 'listRuns')) as { summary: { experiments: { verdict: string; before: string; injected: boolean; first_alert: string | null }[] } }[];
  const experiment = runs[0]!.summary.experiments[0]!;
  expect(experiment).toMatchObject({ before: 'held', injected: true });
  expect(['tolerated', 'recovered']).toContain(experiment.verdict);
  await expect(row).toHaveAttribute('data-verdict', experiment.verdict);
  // Whether monitoring noticed: the first alert after the fault, or none.
  await expect(row.getByTestId('experiment-alert')).toContainText(experiment.first_alert ?? 'none');
});

test('bandwidth: a 1 Mbit/s limit injected on the database during a run is on the timeline with what each call costs on the link, and ends after its duration', async ({ app, host, page }) => {
  const r = await app.runProductionLive(host.current.url, 3600, 100);
  await r.injectFault('network-bandwidth', 'db', { 'fault-rate': '1' }, 60);
  await expect(page.locator('[data-testid="run-event"][data-type="fault-started"]').first()).toContainText('network-bandwidth on db (injected): calls in share 1 Mbit/s, 64 KiB each (524.29 ms on the link) for 60 s', { timeout: 20_000 });
  await expect(page.locator('[data-testid="run-event"][data-type="fault-ended"]').first()).toContainText('network-bandwidth on db ended', { timeout: 20_000 });
});
