// The ML lab's anomaly detector put to work: trained in the lab on the database error rate of a
// run with an injected database failure, saved, and named by an ml-inference node that watches
// that series, with online learning switched on in the inspector; the next run (loaded from a
// file, started in the run area) scores it with the stored model as the model keeps learning,
// and raises AnomalyDetected in the Alerts panel and on the database's chart.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { callHost } from './fixtures/contract-client.js';
import { completedRun } from './fixtures/stored-run.js';
import { expect, test } from './fixtures/test.js';
import { MlPage } from './pages/ml-page.js';

const TEMPLATE = resolve(import.meta.dirname, '..', '..', 'resources', 'templates', 'production.devsim.yaml');
const SERIES = 'db/error_rate_percent';
const MODEL = `${SERIES} anomaly detector`;
const FAILURE = { type: 'db-primary-failure', at: 3200, target: 'db' };

type Doc = { metadata: { name: string }; nodes: Record<string, unknown>; scenario: { faults?: unknown[] } };

async function productionWithFailure(): Promise<Doc> {
  const document = parse(await readFile(TEMPLATE, 'utf8')) as Doc;
  document.scenario.faults = [FAILURE];
  return document;
}

test('ml anomaly: a detector trained in the lab on a run with a database failure, named by a watching node that learns online, raises AnomalyDetected in the next run (Alerts panel and chart)', async ({ app, host, page }) => {
  test.setTimeout(180_000);
  // An hour of the production template, a frame every 5 s, the database primary failing at 3200 s.
  const learnedFrom = await completedRun(host.current, await productionWithFailure(), 'Learn the failure', { durationS: 3600, seriesIntervalS: 5 });

  await app.open(host.current.url);
  await app.goTo('ml');
  const ml = new MlPage(page);
  await expect(ml.backend).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await ml.run.selectOption(learnedFrom);
  await ml.series.selectOption(SERIES);
  await ml.purpose.selectOption('anomaly-detector');
  // The error rate is 0 until the failure: z-score has nothing to scale by.
  await ml.normalisation.selectOption('none');
  await ml.window.fill('12');
  await ml.epochs.fill('10');
  await ml.train.click();
  await expect(ml.status).toHaveAttribute('data-state', 'trained', { timeout: 60_000 });
  await ml.save.click();
  await expect(ml.saved).toHaveAttribute('data-version', '1');

  // The same system with a node whose detector watches the database's error rate, loaded from a file.
  const document = await productionWithFailure();
  document.metadata.name = 'Watched production';
  document.nodes['failure-watch'] = { kind: 'ml-inference', purpose: 'anomaly-detection', model: MODEL, watch: SERIES, serviceTime: { default: { type: 'constant', valueMs: 2 } } };
  await app.goTo('welcome');
  await app.welcome.openFileInput.setInputFiles({ name: 'watched.devsim.yaml', mimeType: 'application/yaml', buffer: Buffer.from(stringify(document)) });
  await expect(app.topology.title).toHaveText(/Watched production/);
  // The person switches online learning on in the watching node's inspector.
  const inspector = app.topology.inspector;
  await app.topology.canvas.node('failure-watch').click();
  await expect(inspector.id).toHaveText('failure-watch');
  await inspector.input('nodes.failure-watch.onlineLearning').check();
  await expect(inspector.input('nodes.failure-watch.onlineLearning')).toBeChecked();
  await app.goTo('run');
  const r = app.run;
  await r.startWith(3600, 'max');
  await expect(r.state).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });

  // The run used the stored detector (no "was not given" or "cannot learn" note): it learned
  // online, its steps on the timeline, and it fired at the failure.
  const detectorNotes = page.locator('[data-testid="run-event"][data-type="anomaly-detector"]');
  await expect(detectorNotes.first()).toContainText('failure-watch: online learning step 1 on the latest');
  await expect(detectorNotes.filter({ hasText: /not given|cannot learn/ })).toHaveCount(0);
  const anomalies = r.alertRows.filter({ hasText: 'AnomalyDetected' });
  await expect(anomalies.first()).toBeVisible();
  await expect(anomalies.first()).toContainText('db');
  await expect(anomalies.first()).toHaveAttribute('data-severity', 'warning');
  const runs = (await callHost(host.current, 'listRuns')) as { id: string }[];
  const runId = runs.find((x) => x.id !== learnedFrom)!.id;
  const { events } = (await callHost(host.current, 'getRunEvents', { id: runId })) as { events: { type: string; tMs: number; data?: Record<string, unknown> }[] };
  const fired = events.filter((e) => e.type === 'alert-firing' && e.data?.['alert'] === 'AnomalyDetected');
  expect(fired.length).toBeGreaterThan(0);
  expect(fired[0]!.data).toMatchObject({ model: MODEL, metric: 'error_rate_percent', detector: 'failure-watch' });
  expect(fired[0]!.tMs).toBeGreaterThanOrEqual(FAILURE.at * 1000);
  const steps = events.filter((e) => e.type === 'anomaly-detector').map((e) => e.data?.['onlineSteps']);
  // A step every 25 scrapes, reported at the 1st and every 10th: an hour's run reports the first.
  expect(steps[0]).toBe(1);

  // Picking the database draws the anomaly on its error-rate panel.
  await r.pick('db').click();
  await expect.poll(async () => Number(await r.chart.getAttribute('data-anomalies'))).toBeGreaterThan(0);
});
