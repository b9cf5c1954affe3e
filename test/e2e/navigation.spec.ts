import { expect, test } from './fixtures/test.js';
import { AREAS } from './pages/areas.js';

test('navigation: every area is reachable by clicking the sidebar', async ({ host, app }) => {
  await app.open(host.current.url);
  for (const area of AREAS) {
    await app.navItem(area.id).click();
    await expect(app.screen(area.id)).toBeVisible();
    await expect(app.navItem(area.id)).toHaveAttribute('aria-current', 'page');
    await expect(app.current()).toHaveCount(1);
  }
});

test('navigation: arrow keys, Home and End move focus in the sidebar; Enter opens the area', async ({ host, app, page }) => {
  await app.open(host.current.url);
  await app.navItem('welcome').focus();
  // One tab stop: only the focused item is tabbable (roving tabindex).
  await expect(app.sidebar.locator('button[tabindex="0"]')).toHaveCount(1);
  for (const area of AREAS.slice(1)) {
    await page.keyboard.press('ArrowDown');
    await expect(app.navItem(area.id)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.screen(area.id)).toBeVisible();
    await expect(app.navItem(area.id)).toHaveAttribute('aria-current', 'page');
  }
  await page.keyboard.press('ArrowDown'); // wraps to the first
  await expect(app.navItem('welcome')).toBeFocused();
  await page.keyboard.press('End');
  await expect(app.navItem('settings')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(app.navItem('welcome')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(app.navItem('settings')).toBeFocused();
  await page.keyboard.press(' ');
  await expect(app.screen('settings')).toBeVisible();
});

test('navigation: Tab reaches the sidebar as one stop, on the current area', async ({ host, app, page }) => {
  await app.open(host.current.url);
  // From the area's first control, Shift+Tab lands on the current area's item, and one more leaves the sidebar.
  await app.goTo('ml');
  await page.getByTestId('ml-source-run').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(app.navItem('ml')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(app.sidebar.locator(':focus')).toHaveCount(0);
});

test('navigation: Ctrl+1..5 open Topology, Run, ML Lab, Containers and Settings', async ({ host, app, page }) => {
  await app.open(host.current.url);
  for (const area of AREAS.filter((a) => a.key !== null)) {
    await page.keyboard.press(`Control+${area.key}`);
    await expect(app.screen(area.id)).toBeVisible();
    await expect(app.navItem(area.id)).toHaveAttribute('aria-current', 'page');
  }
});
