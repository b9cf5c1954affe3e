// Opening what is not a topology document (broken YAML, a picture renamed .yaml, a Compose
// file) while a document with unsaved changes is open: the loader's findings are shown with
// line, column and path, nobody is asked to give up their work, and the open document stays
// exactly as it was (not replaced, still unsaved, its edit still there when saved).
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { topologySchema } from '../../src-preload/contract/index.js';
import { expect, test } from './fixtures/test.js';

let files: string;
const PICTURE = resolve(import.meta.dirname, '..', '..', 'resources', 'icons', 'png', '128.png');

test.beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'devsim-broken-'));
});
test.afterAll(async () => {
  await rm(files, { recursive: true, force: true });
});

test('documents: broken YAML, a picture and a Compose file opened over unsaved work show the findings; the open document is kept, still unsaved', async ({ host, app, page }) => {
  const broken = join(files, 'broken.devsim.yaml');
  await writeFile(broken, 'apiVersion: devsim.io/v1\nkind: Topology\nmetadata: { name: Broken\nnodes:\n  api: { kind: app-service }\n');
  const picture = join(files, 'holiday.yaml');
  await copyFile(PICTURE, picture);
  const compose = join(files, 'docker-compose.yaml');
  await writeFile(compose, 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n');
  // No confirmation may appear: nothing is about to be lost.
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  await app.open(host.current.url);
  await app.welcome.template('three-tier').click();
  const t = app.topology;
  await t.name.fill('My lab');
  await expect(t.title).toHaveText(/My lab/);
  await expect(t.dirty).toBeVisible();
  const failure = page.getByTestId('open-failure');
  const places = failure.getByTestId('open-failure-place');

  // 1. Broken YAML from the toolbar's Open: the YAML errors with line:column.
  let choosing = page.waitForEvent('filechooser');
  await t.open.click();
  await (await choosing).setFiles(broken);
  await expect(failure).toContainText('“broken.devsim.yaml” was not opened');
  await expect(failure.getByTestId('open-failure-kept')).toHaveText('“three-tier.devsim.yaml” is still open as it was, with its unsaved changes.');
  await expect(places.first()).toHaveText(/^\d+:\d+$/);
  await expect(failure.getByTestId('open-failure-finding').first()).toHaveAttribute('data-code', /^yaml-/);
  await expect(t.title).toHaveText(/My lab/);
  await expect(t.dirty).toBeVisible();
  await expect(t.canvas.nodes).not.toHaveCount(0);

  // 2. A picture renamed .yaml, from the Welcome screen's file input: not text.
  await app.goTo('welcome');
  await app.welcome.openFileInput.setInputFiles(picture);
  await expect(failure).toContainText('“holiday.yaml” was not opened');
  await expect(failure.getByTestId('open-failure-finding')).toHaveAttribute('data-code', 'not-text');
  await expect(failure).toContainText('holiday.yaml is not UTF-8 text; a topology document is YAML or JSON.');
  await app.goTo('topology');
  await expect(t.title).toHaveText(/My lab/);
  await expect(t.dirty).toBeVisible();

  // 3. A Compose file opened as a document: the loader's finding names the field, and Import is offered.
  choosing = page.waitForEvent('filechooser');
  await t.open.click();
  await (await choosing).setFiles(compose);
  await expect(failure).toContainText('“docker-compose.yaml” was not opened');
  await expect(failure.getByTestId('open-failure-compose')).toBeVisible();
  await expect(failure.getByTestId('open-failure-path').first()).toHaveText('apiVersion');
  await expect(places.first()).toHaveText('1:1');
  await failure.getByTestId('open-failure-dismiss').click();
  await expect(failure).toHaveCount(0);

  // The kept document is whole: Save As writes the edited name and every node.
  expect(dialogs).toEqual([]);
  await expect(t.dirty).toBeVisible();
  const downloading = page.waitForEvent('download');
  await t.saveAs.click();
  const saved = topologySchema.parse(parse(await readFile((await (await downloading).path())!, 'utf8')));
  expect(saved.metadata.name).toBe('My lab');
  expect(Object.keys(saved.nodes)).toEqual(expect.arrayContaining(['clients', 'lb', 'web', 'cache', 'db']));
});
