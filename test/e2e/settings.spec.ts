import { expect, test } from './fixtures/test.js';

test('settings: a change survives a restart of the host on the same data folder', async ({ host, app, page }) => {
  await app.open(host.current.url);
  await app.goTo('settings');
  await app.settings.setAutosave('120');
  await app.settings.theme('dark').check();
  await app.settings.dockerHost.fill('tcp://127.0.0.1:2375');
  await app.settings.dockerHost.press('Enter');
  await expect(app.settings.autosave).toHaveValue('120');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  const before = host.current;
  await host.stop();
  await expect(app.status).toHaveAttribute('data-state', /disconnected|connecting/);
  await expect(app.status).toContainText(/Disconnected|Connecting/);

  const after = await host.restart();
  expect(after.token).not.toBe(before.token); // a new start, a new token
  await app.open(after.url);
  await app.goTo('settings');
  await expect(app.settings.autosave).toHaveValue('120');
  await expect(app.settings.theme('dark')).toBeChecked();
  await expect(app.settings.dockerHost).toHaveValue('tcp://127.0.0.1:2375');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('settings: a value the host refuses shows its message beside the field and changes nothing', async ({ host, app }) => {
  await app.open(host.current.url);
  await app.goTo('settings');
  await app.settings.setAutosave('99999');
  await expect(app.settings.autosaveError).toBeVisible();
  await expect(app.settings.autosaveError).toContainText('autosaveSeconds');
  await expect(app.settings.autosave).toHaveAttribute('aria-invalid', 'true');

  await app.settings.setAutosave('45');
  await expect(app.settings.autosaveError).toHaveCount(0);
  await app.page.reload();
  await expect(app.ready).toBeVisible();
  await app.goTo('settings');
  await expect(app.settings.autosave).toHaveValue('45');
});

test('settings: text that is not a number is refused before it is sent', async ({ host, app }) => {
  await app.open(host.current.url);
  await app.goTo('settings');
  await app.settings.setAutosave('soon');
  await expect(app.settings.autosaveError).toContainText('whole number of seconds');
});

test('settings: turning the welcome screen off starts the next visit in Topology', async ({ host, app, page }) => {
  await app.open(host.current.url);
  await app.goTo('settings');
  await app.settings.showWelcome.uncheck();
  await expect(app.settings.showWelcome).not.toBeChecked();
  await page.reload();
  await expect(app.ready).toBeVisible();
  await expect(app.screen('topology')).toBeVisible();
});
