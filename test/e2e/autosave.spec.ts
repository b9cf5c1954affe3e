import { callHost } from './fixtures/contract-client.js';
import { expect, test } from './fixtures/test.js';

test('autosave: an edited document is autosaved; after a restart the recovery banner brings it back', async ({ host, app, page }) => {
  await callHost(host.current, 'setSettings', { autosaveSeconds: 1 });
  await app.open(host.current.url);
  await app.welcome.template('development').click();
  await app.topology.name.fill('Edited before the crash');

  // The autosave that holds the edit (the first one may have caught the template as it came).
  await expect
    .poll(async () => ((await callHost(host.current, 'listAutosaves')) as { text: string }[]).map((a) => a.text).join('\n'), { timeout: 10_000 })
    .toContain('name: Edited before the crash');
  await expect(app.topology.autosaved).toBeVisible();

  // Closing the tab with unsaved changes asks first.
  const asked = page.waitForEvent('dialog');
  const closing = page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
  await closing;

  await host.restart();
  const next = await page.context().newPage();
  await next.goto(host.current.url);
  const recovery = next.getByTestId('recovery');
  await expect(recovery.getByTestId('recovery-item')).toHaveCount(1);
  await expect(recovery).toContainText('never saved');
  await recovery.getByTestId('recovery-restore').click();
  await expect(recovery).toHaveCount(0);
  await expect(next.getByTestId('document-title')).toHaveText(/Edited before the crash/);
  await expect(next.getByTestId('dirty-marker')).toBeVisible();
});

test('autosave: Discard drops the autosaved work for good', async ({ host, app, page }) => {
  await callHost(host.current, 'autosaveDocument', { key: 'untitled:e2e', path: null, name: 'left.devsim.yaml', text: 'apiVersion: devsim.io/v1\n' });
  await app.open(host.current.url);
  await expect(app.recovery).toContainText('left.devsim.yaml');
  await app.recovery.getByTestId('recovery-discard').click();
  await expect(app.recovery).toHaveCount(0);
  expect(await callHost(host.current, 'listAutosaves')).toEqual([]);
  await page.reload();
  await expect(app.ready).toBeVisible();
  await expect(app.recovery).toHaveCount(0);
});
