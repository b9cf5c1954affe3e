import { expect, test } from './fixtures/test.js';

test('connection: a page opened without the token says why it is disconnected', async ({ host, app, page }) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(host.current.origin);
  await expect(app.status).toHaveAttribute('data-state', 'disconnected');
  await expect(app.statusReason).toContainText('missing token: open the URL the host printed');
  await expect(page.getByTestId('not-connected-reason')).toContainText('missing token');
  await expect(app.sidebar).toBeVisible(); // the shell is there, not a white page
  await expect(app.ready).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('connection: a wrong token is refused by the host and shown as disconnected, retrying', async ({ host, app, page }) => {
  await page.goto(`${host.current.origin}#token=not-the-token`);
  await expect(app.status).toHaveAttribute('data-state', 'disconnected');
  await expect(app.statusReason).toContainText('cannot reach the app host');
  await expect(app.statusReason).toContainText('retrying');
});

test('connection: when the host goes away the status bar says the connection was lost', async ({ host, app }) => {
  await app.open(host.current.url);
  await host.stop();
  await expect(app.status).toHaveAttribute('data-state', /disconnected|connecting/);
  await expect(app.status).toContainText(/lost the connection|Connecting/);
});
