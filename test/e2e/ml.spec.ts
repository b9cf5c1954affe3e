import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Download } from '@playwright/test';
import { parse } from 'yaml';
import { callHost } from './fixtures/contract-client.js';
import type { HostAddress } from './fixtures/host.js';
import { completedRun } from './fixtures/stored-run.js';
import { expect, test } from './fixtures/test.js';
import { MlPage } from './pages/ml-page.js';

const TEMPLATE = resolve(import.meta.dirname, '..', '..', 'resources', 'templates', 'production.devsim.yaml');
const SAMPLE_CSV = resolve(import.meta.dirname, '..', '..', 'resources', 'samples', 'latency-faults.csv');

/** A stored run of the production template: an hour, a frame every 5 s (720 points), the database primary failing at 3200 s (in the test part of a 70/15/15 split). */
async function runWithDatabaseFailure(host: HostAddress): Promise<string> {
  const document = parse(await readFile(TEMPLATE, 'utf8')) as { scenario: { faults?: unknown[] } };
  document.scenario.faults = [{ type: 'db-primary-failure', at: 3200, target: 'db' }];
  return completedRun(host, document, 'ML lab', { durationS: 3600, seriesIntervalS: 5 });
}

test('ML lab: a run with a database failure trains a small LSTM on wasm in a worker; the loss curves are drawn epoch by epoch; held-out figures shown; a second training is cancelled and stops', async ({ app, host, page }) => {
  test.setTimeout(120_000);
  const runId = await runWithDatabaseFailure(host.current);
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));

  await app.open(host.current.url);
  await app.goTo('ml');
  const ml = new MlPage(page);
  // The .wasm files load under the app's CSP from the built host: the worker reports wasm, nothing passed over.
  await expect(ml.backend).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(ml.backend).toHaveAttribute('data-backend', 'wasm');
  await expect(ml.fallbacks).toHaveCount(0);

  await ml.run.selectOption(runId);
  await ml.series.selectOption('api/latency_p95_ms');
  await ml.window.fill('12');
  await ml.epochs.fill('6');
  await ml.patience.fill('10');
  await ml.train.click();
  await expect(ml.status).toHaveAttribute('data-state', 'trained', { timeout: 60_000 });
  // The series came with labels from the database failure the kernel recorded.
  expect(Number(await ml.data.getAttribute('data-anomalous'))).toBeGreaterThan(0);
  await expect(ml.chart).toHaveAttribute('data-epochs', '6');
  // The chart instance holds six epochs of training and validation loss, every one a real number.
  const lines = await ml.lossLines();
  expect(lines.map((l) => l.id)).toEqual(['loss', 'val-loss']);
  for (const line of lines) {
    expect(line.values, line.id).toHaveLength(6);
    for (const v of line.values) expect(Number.isFinite(v) && v >= 0, `${line.id} ${v}`).toBe(true);
  }
  // Training on z-scored data starts near a loss of 1 and goes down.
  expect(lines[0]!.values.at(-1)!).toBeLessThan(lines[0]!.values[0]!);
  for (const name of ['testMae', 'naiveMae', 'testMase']) expect(Number(await ml.figure(name).getAttribute('data-value')), name).toBeGreaterThan(0);
  await expect(ml.result).toContainText(/Windows.*\d+ \/ \d+ \/ \d+/);

  // Saved through the contract into SQLite, with the run it learned from.
  await ml.save.click();
  await expect(ml.saved).toHaveAttribute('data-version', '1');
  const models = (await callHost(host.current, 'listModels')) as { models: { name: string; purpose: string; dataset: { origin: string; anomalousPoints: number } }[] };
  const stored = models.models.find((m) => m.name === 'api/latency_p95_ms forecaster');
  expect(stored).toMatchObject({ purpose: 'forecaster', dataset: { origin: runId } });
  expect(stored!.dataset.anomalousPoints).toBeGreaterThan(0);

  // Listed under saved models; exported as TensorFlow.js files; those files imported back are its version 2; version 1 deleted.
  const v1 = ml.modelRow('api/latency_p95_ms forecaster', 1);
  await expect(v1).toBeVisible();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await v1.getByTestId('ml-model-export').click();
  await expect.poll(() => downloads.length).toBe(2);
  const dir = await mkdtemp(join(tmpdir(), 'ml-e2e-'));
  const paths = await Promise.all(downloads.map(async (d) => {
    const path = join(dir, d.suggestedFilename());
    await d.saveAs(path);
    return path;
  }));
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['model.json', 'weights.bin']);
  const modelJson = JSON.parse(await readFile(paths.find((p) => p.endsWith('model.json'))!, 'utf8')) as { modelTopology: unknown; weightsManifest: unknown[] };
  expect(modelJson.modelTopology).toBeTruthy();
  expect(modelJson.weightsManifest).toHaveLength(1);
  await ml.importInput.setInputFiles(paths);
  await expect(ml.modelRow('api/latency_p95_ms forecaster', 2)).toBeVisible();
  await v1.getByTestId('ml-model-delete').click();
  await v1.getByTestId('ml-model-delete-confirm').click();
  await expect(v1).toHaveCount(0);
  await expect(ml.modelRows).toHaveCount(1);
  await expect(ml.modelsError).toHaveCount(0);

  // A long second training, cancelled after its first epochs: it stops, and the curves stop growing.
  // Windows of 32 make each epoch longer than tfjs's 125 ms between yields, so the worker reads the cancel mid-training.
  await ml.window.fill('32');
  await ml.epochs.fill('500');
  await ml.patience.fill('500');
  await ml.train.click();
  await expect.poll(() => ml.epochsDone(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await ml.cancel.click();
  await expect(ml.status).toHaveAttribute('data-state', 'cancelled', { timeout: 10_000 });
  await expect(ml.status).toContainText(/Cancelled after \d+ of 500 epochs/);
  const stoppedAt = await ml.epochsDone();
  expect(stoppedAt).toBeLessThan(500);
  await page.waitForTimeout(1500);
  expect(await ml.epochsDone()).toBe(stoppedAt);
  expect(Number(await ml.chart.getAttribute('data-epochs'))).toBe(stoppedAt);
  await expect(ml.train).toBeEnabled();
  expect(problems).toEqual([]);
});

test('ML lab: a window too long for the series gives a clear message, and the lab keeps working', async ({ app, host, page }) => {
  test.setTimeout(90_000);
  const runId = await runWithDatabaseFailure(host.current);
  await app.open(host.current.url);
  await app.goTo('ml');
  const ml = new MlPage(page);
  await ml.run.selectOption(runId);
  await ml.window.fill('1000');
  await ml.train.click();
  await expect(ml.error).toContainText(/is too short: a window of 1000 and a horizon of 1 need at least 1001 points, and \d+ are present/);
  await expect(ml.status).toHaveAttribute('data-state', 'failed');
  // A train fraction that leaves no test part is refused, naming the field.
  await ml.window.fill('12');
  await ml.trainFraction.fill('0.9');
  await ml.train.click();
  await expect(ml.error).toContainText(/validationFraction/);
  // Corrected, it trains.
  await ml.trainFraction.fill('0.7');
  await ml.epochs.fill('2');
  await ml.train.click();
  await expect(ml.status).toHaveAttribute('data-state', 'trained', { timeout: 60_000 });
  await expect(ml.error).toHaveCount(0);
});

test('ML lab: an LSTM anomaly detector trained on the database error rate finds the database failure the kernel recorded', async ({ app, host, page }, testInfo) => {
  test.setTimeout(120_000);
  const runId = await runWithDatabaseFailure(host.current);
  await app.open(host.current.url);
  await app.goTo('ml');
  const ml = new MlPage(page);
  await ml.run.selectOption(runId);
  // The error rate is 0 until the failure: z-score has nothing to scale by, and says so.
  await ml.series.selectOption('db/error_rate_percent');
  await ml.purpose.selectOption('anomaly-detector');
  await expect(ml.horizon).toBeDisabled();
  await ml.window.fill('12');
  await ml.epochs.fill('10');
  await ml.train.click();
  await expect(ml.error).toContainText(/db\/error_rate_percent is constant \(0\) over its \d+ training points, so zscore has nothing to scale by.*use normalisation "none"/);
  await ml.normalisation.selectOption('none');
  await ml.train.click();
  await expect(ml.status).toHaveAttribute('data-state', 'trained', { timeout: 60_000 });
  const anomalous = Number(await ml.figure('testAnomalousPoints').getAttribute('data-value'));
  expect(anomalous).toBeGreaterThan(0);
  // The test part drawn point by point: the labelled points of the database failure among them, and what the detector flagged.
  const marks = JSON.parse((await ml.testChart.getAttribute('data-lines')) ?? '[]') as { id: string; points: number }[];
  const points = (id: string): number => marks.find((m) => m.id === id)?.points ?? -1;
  expect(points('actual')).toBeGreaterThan(50);
  expect(points('predicted')).toBe(points('actual'));
  expect(points('labelled')).toBe(anomalous);
  expect(points('flagged')).toBe(Number(await ml.figure('testFlagged').getAttribute('data-value')));
  // Errors appear only while the primary is down: the detector finds them.
  const recall = Number(await ml.figure('testRecall').getAttribute('data-value'));
  const precision = Number(await ml.figure('testPrecision').getAttribute('data-value'));
  const f1 = Number(await ml.figure('testF1').getAttribute('data-value'));
  expect(recall).toBeGreaterThan(0);
  expect(precision).toBeGreaterThan(0);
  const figures = `detector on db/error_rate_percent: test precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)} (${anomalous} labelled test points)`;
  testInfo.annotations.push({ type: 'figures', description: figures });
  console.log(figures);
});

test('ML lab: when the .wasm files cannot be had, training falls back to the cpu backend and says why', async ({ app, host, page }) => {
  test.setTimeout(90_000);
  const runId = await runWithDatabaseFailure(host.current);
  // The worker's fetches of the binaries are answered 404, as from a build that left them out.
  await page.context().route(/\.wasm$/, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }));
  await app.open(host.current.url);
  await app.goTo('ml');
  const ml = new MlPage(page);
  await expect(ml.backend).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(ml.backend).toHaveAttribute('data-backend', 'cpu');
  await expect(ml.fallbacks).toContainText(/wasm: .*tfjs-backend-wasm-simd.*answered HTTP 404/);
  await ml.run.selectOption(runId);
  await ml.window.fill('12');
  await ml.epochs.fill('2');
  await ml.train.click();
  await expect(ml.status).toHaveAttribute('data-state', 'trained', { timeout: 60_000 });
});

test('ML lab: trains on an imported timestamp,value CSV file; a bad row is named by its line', async ({ app, host, page }) => {
  test.setTimeout(90_000);
  await app.open(host.current.url);
  await app.goTo('ml');
  const ml = new MlPage(page);
  await ml.sourceCsv.check();
  await ml.csv.setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('timestamp,value\n2024-05-01T00:00:00Z,70\n2024-05-01T00:00:30Z,fast\n') });
  await expect(ml.csvError).toContainText(/broken\.csv:3: value: /);
  await expect(ml.train).toBeDisabled();
  await ml.csv.setInputFiles(SAMPLE_CSV);
  await expect(ml.csvLoaded).toHaveAttribute('data-points', '960');
  await expect(ml.csvError).toHaveCount(0);
  await ml.window.fill('24');
  await ml.epochs.fill('3');
  await ml.train.click();
  await expect(ml.status).toHaveAttribute('data-state', 'trained', { timeout: 60_000 });
  await expect(ml.data).toContainText('960 points; unlabelled');
  expect(Number(await ml.figure('testMase').getAttribute('data-value'))).toBeGreaterThan(0);
  await ml.save.click();
  await expect(ml.modelRow('latency-faults.csv forecaster', 1)).toBeVisible();
});
