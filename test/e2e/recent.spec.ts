import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

test('recent: a recent document opens on click and saves back to its path; a missing one offers its removal', async ({ host, app }) => {
  const dir = await mkdtemp(join(tmpdir(), 'devsim-recent-'));
  try {
    // Browser mode cannot learn a picked file's path, so the path arrives through the contract.
    const path = join(dir, 'lab.devsim.yaml');
    await writeFile(path, 'apiVersion: devsim.io/v1\nkind: Topology\nmetadata:\n  name: Lab\nnodes:\n  clients:\n    kind: traffic-source\n    rate: { type: constant, rps: 5 }\n');
    await callHost(host.current, 'addRecent', { path });
    await app.open(host.current.url);
    await app.welcome.openRecent(path);

    const t = app.topology;
    await expect(t.title).toHaveText('Lab');
    await expect(t.path).toHaveText(path);
    await expect(t.dirty).toHaveCount(0);
    await t.name.fill('Lab two');
    await expect(t.dirty).toBeVisible();
    await t.save.click();
    await expect(t.dirty).toHaveCount(0);
    expect(await readFile(path, 'utf8')).toContain('name: Lab two');

    await rm(path);
    await app.goTo('welcome');
    await app.welcome.openRecent(path);
    await expect(app.welcome.recentMissing).toContainText(`${path} does not exist.`);
    await app.welcome.page.getByTestId('recent-missing-remove').click();
    await expect(app.welcome.recentEmpty).toBeVisible();
    expect(await callHost(host.current, 'listRecent')).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
