import { expect, test } from './fixtures/test.js';

// A real failure, not a test-only route: a browser whose matchMedia is broken makes the
// shell's theme hook throw while rendering. The built app must show the error screen.
test('error boundary: a render failure shows what went wrong and a Reload button, not a white page', async ({ host, page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('e2e.repaired') === '1') return;
    window.matchMedia = () => {
      throw new Error('matchMedia is broken in this browser');
    };
  });
  await page.goto(host.current.url);
  const boundary = page.getByTestId('error-boundary');
  await expect(boundary).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
  await expect(page.getByTestId('error-message')).toHaveText('matchMedia is broken in this browser');
  const details = boundary.locator('details');
  await expect(details.locator('pre').first()).toBeHidden();
  await details.locator('summary').click();
  await expect(details.locator('pre').first()).toContainText('matchMedia');
  await expect(details).toContainText('In component:');

  // Reload really reloads: with matchMedia left alone this time, the app comes up.
  await page.evaluate(() => sessionStorage.setItem('e2e.repaired', '1'));
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await expect(boundary).toHaveCount(0);
});
