// The ML lab's forecaster put to work: trained in the lab on a run's request rate, saved, and
// named by a predictive autoscaling policy; the next run forecasts with it (the run resolves
// the name from the model store) and scales out on its forecast.
import { parse } from 'yaml';
import { callHost } from './fixtures/contract-client.js';
import { HPA_SCALING, smallDayDocument } from './fixtures/small-day.js';
import { completedRun } from './fixtures/stored-run.js';
import { expect, test } from './fixtures/test.js';
import { MlPage } from './pages/ml-page.js';

const MODEL = 'api/throughput_rps forecaster';


test('ml predictive: a forecaster trained in the lab on a run drives the predictive autoscaler of the next run, which scales out on its forecast', async ({ app, host, page }) => {
  test.setTimeout(150_000);
  // Two days under the HPA, a frame every 15 s: the request rate to learn from.
  const learnedFrom = await completedRun(host.current, parse(smallDayDocument(HPA_SCALING)), 'Learn the day', { seriesIntervalS: 15 });

  await app.open(host.current.url);
  await app.goTo('ml');
  const ml = new MlPage(page);
  await expect(ml.backend).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await ml.run.selectOption(learnedFrom);
  await ml.series.selectOption('api/throughput_rps');
  await ml.window.fill('12');
  await ml.epochs.fill('6');
  await ml.train.click();
  await expect(ml.status).toHaveAttribute('data-state', 'trained', { timeout: 60_000 });
  await ml.save.click();
  await expect(ml.saved).toHaveAttribute('data-version', '1');

  // The same service, now predictive, naming the saved forecaster.
  const predictive = `{ policy: predictive, minReplicas: 1, maxReplicas: 10, targetCpuPercent: 70, syncPeriodS: 15, scaleDownStabilizationS: 120, bufferS: 120, model: "${MODEL}" }`;
  await app.goTo('welcome');
  await app.welcome.openFileInput.setInputFiles({ name: 'small-day.devsim.yaml', mimeType: 'application/yaml', buffer: Buffer.from(smallDayDocument(predictive)) });
  await expect(app.topology.title).toHaveText(/Small day/);
  await app.goTo('run');
  await app.run.startWith(2400, 'max');
  await expect(app.run.state).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });

  // The run used the stored model: reactive until it had its 12 steps of history (at the first sync, 15 s in, one step is there), then forecasting.
  const policyNote = page.locator('[data-testid="run-event"][data-type="scaling-policy"]');
  await expect(policyNote.first()).toContainText(`until ${MODEL} has its history (11 more steps)`);
  const runs = (await callHost(host.current, 'listRuns')) as { id: string; name: string }[];
  const runId = runs.find((r) => r.id !== learnedFrom)!.id;
  const { events } = (await callHost(host.current, 'getRunEvents', { id: runId })) as { events: { type: string; message: string; data?: Record<string, unknown> }[] };
  const fromForecast = events.filter((e) => e.type === 'scaled' && e.data?.['source'] === 'forecast');
  expect(fromForecast.length).toBeGreaterThan(0);
  expect(events.filter((e) => e.type === 'scaling-policy').map((e) => e.message)).not.toContainEqual(expect.stringContaining('was not given to the run'));
});
