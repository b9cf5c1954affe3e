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

test('launch: the welcome screen shows the template gallery: the seed environments and the teaching templates', async ({ host, app }) => {
  await app.open(host.current.url);
  await expect(app.welcome.templates).toHaveCount(5);
  for (const id of ['production', 'development', 'experimental', 'single-queue', 'three-tier']) {
    await expect(app.welcome.template(id)).toBeEnabled();
    await expect(app.welcome.template(id)).toContainText(/\d+ nodes? · \d+ links?/);
  }
  await expect(app.welcome.template('three-tier')).toContainText('Three-tier web application');
  await expect(app.welcome.template('three-tier').locator('.kind-chip')).toContainText(['Traffic source', 'Load balancer', 'App service']);
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
  // A document on screen, and a download (a blob: URL) under the same policy.
  await app.welcome.template('production').click();
  const downloading = page.waitForEvent('download');
  await app.topology.saveAs.click();
  await downloading;
  await app.settings.page.getByTestId('nav-settings').click();
  await app.settings.theme('dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(problems).toEqual([]);
});
