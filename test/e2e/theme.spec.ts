import { callHost } from './fixtures/contract-client.js';
import { expect, test } from './fixtures/test.js';

test('theme: choosing Dark and Light sets data-theme on <html> whatever the OS prefers', async ({ host, app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open(host.current.url);
  await app.goTo('settings');
  await app.settings.theme('dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme-setting', 'dark');
  // The page really is dark, not just labelled so.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 23, 27)');

  await page.emulateMedia({ colorScheme: 'dark' });
  await app.settings.theme('light').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('theme: System follows prefers-color-scheme, live', async ({ host, app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open(host.current.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme-setting', 'system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('theme: a change made by another client arrives as an event and applies without a reload', async ({ host, app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open(host.current.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await callHost(host.current, 'setSettings', { theme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
