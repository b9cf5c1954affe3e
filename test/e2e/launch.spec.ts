import { expect, test } from './fixtures/test.js';

test('launch: the shell becomes ready and the status bar says Connected', async ({ host, app }) => {
  await app.open(host.current.url);
  await expect(app.status).toHaveAttribute('data-state', 'connected');
  await expect(app.status).toContainText('Connected');
  await expect(app.welcome.root).toBeVisible();
  await expect(app.current()).toHaveText(/Welcome/);
});

test('launch: the token leaves the visible URL and a reload still connects', async ({ host, app, page }) => {
  await app.open(host.current.url);
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(app.ready).toBeVisible();
  await expect(app.status).toHaveAttribute('data-state', 'connected');
});

test('launch: About shows browser mode, the version and the data folder', async ({ host, app }) => {
  await app.open(host.current.url);
  await app.goTo('settings');
  await expect(app.settings.aboutMode).toContainText('Browser mode');
  await expect(app.settings.aboutVersion).toContainText(/\d+\.\d+\.\d+/);
  await expect(app.settings.aboutDataDir).toHaveText(host.dataDir);
});

test('launch: the welcome screen lists the three templates as not yet available', async ({ host, app }) => {
  await app.open(host.current.url);
  await expect(app.welcome.templates).toHaveCount(3);
  for (const name of ['Production', 'Development', 'Experimental']) {
    await expect(app.welcome.templates.filter({ hasText: name })).toBeDisabled();
  }
});

test('launch: the strict Content-Security-Policy holds: no violations, no console errors', async ({ host, app, page }) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await app.open(host.current.url);
  for (const area of ['topology', 'run', 'ml', 'containers', 'settings', 'welcome'] as const) await app.goTo(area);
  await app.settings.page.getByTestId('nav-settings').click();
  await app.settings.theme('dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(problems).toEqual([]);
});
