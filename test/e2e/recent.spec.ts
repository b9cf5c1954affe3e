import { callHost } from './fixtures/contract-client.js';
import { expect, test } from './fixtures/test.js';

test('recent: documents added by the host appear live; remove and clear work from the welcome screen', async ({ host, app }) => {
  await app.open(host.current.url);
  await expect(app.welcome.recentEmpty).toBeVisible();

  await callHost(host.current, 'addRecent', { path: '/labs/alpha.devsim.yaml' });
  await callHost(host.current, 'addRecent', { path: '/labs/beta.devsim.yaml' });
  await expect(app.welcome.recentItems).toHaveCount(2);
  await expect(app.welcome.recentItems.first()).toContainText('/labs/beta.devsim.yaml');

  const alpha = app.welcome.recentItems.filter({ hasText: '/labs/alpha.devsim.yaml' });
  const alphaName = (await alpha.locator('.recent-name').textContent())!;
  await app.welcome.removeButton(alphaName).click();
  await expect(app.welcome.recentItems).toHaveCount(1);
  expect(await callHost(host.current, 'listRecent')).toHaveLength(1);

  await app.welcome.recentClear.click();
  await expect(app.welcome.recentEmpty).toBeVisible();
  expect(await callHost(host.current, 'listRecent')).toEqual([]);
});

test('recent: picking a file in the browser explains why it is not added (no path)', async ({ host, app }) => {
  await app.open(host.current.url);
  await app.welcome.openFileInput.setInputFiles({ name: 'shop.devsim.yaml', mimeType: 'application/yaml', buffer: Buffer.from('apiVersion: v1\n') });
  await expect(app.welcome.openFileNote).toContainText('shop.devsim.yaml');
  await expect(app.welcome.openFileNote).toContainText('not added to recent documents');
  await expect(app.welcome.recentEmpty).toBeVisible();
});
