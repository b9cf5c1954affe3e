// A run whose worker fails: the error is shown in place, the editor keeps the document (with
// its unsaved edit) and another run can start. The host runs with DEVSIM_TEST_RUN_FAILURE
// (src-main/runs/test-failure.ts): the real worker throws mid-run, after it has stored data.
import { TEST_RUN_FAILURE_ENV } from '../../src-main/runs/test-failure.js';
import { WebHost } from './fixtures/host.js';
import { expect, test } from './fixtures/test.js';

const AFTER_EVENTS = 20_000;
let host: WebHost;

test.beforeAll(async () => {
  host = await WebHost.create();
  // The host copies this process's environment when it starts; no other test sees the hook.
  process.env[TEST_RUN_FAILURE_ENV] = `throw:${AFTER_EVENTS}`;
  try {
    await host.start();
  } finally {
    delete process.env[TEST_RUN_FAILURE_ENV];
  }
});
test.afterAll(async () => {
  await host.dispose();
});

test('run failure: the worker throws mid-run; the Run area shows its error, the runs list says failed, and the Topology area still has the edited document', async ({ app }) => {
  await app.open(host.current.url);
  await app.welcome.template('three-tier').click();
  const t = app.topology;
  await t.name.fill('Kept lab');
  await expect(t.title).toHaveText(/Kept lab/);
  await expect(t.dirty).toBeVisible();
  const nodes = await t.nodeRows.count();
  expect(nodes).toBeGreaterThan(3);

  await app.goTo('run');
  const r = app.run;
  await r.startWith(3600, 'max');
  await expect(r.state).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(r.failed).toHaveText(`The run failed: the test asked this worker to fail after ${AFTER_EVENTS} events`);
  await expect(r.listRows.first()).toHaveAttribute('data-state', 'failed');
  // The controls are usable again: a failed run does not lock the Run area.
  await expect(r.start).toBeEnabled();

  await app.goTo('topology');
  await expect(t.title).toHaveText(/Kept lab/);
  await expect(t.dirty).toBeVisible();
  await expect(t.nodeRows).toHaveCount(nodes);
  await expect(t.nodeRow('web')).toBeVisible();
  await expect(t.canvas.nodes).toHaveCount(nodes);
});
