// Opening a file that is no topology document (broken YAML, a picture, a Compose file) while
// another document is open: the loader's findings are shown and the open document stays as it was.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-preload/contract/index.js';
import { documentStore, opened } from './fake-documents.js';

const yamlError: Finding = { severity: 'error', code: 'yaml-bad-indent', path: '', message: 'Flow map must end with a }', line: 4, column: 1 };

/** A store with an edited (unsaved) document open. */
async function withUnsavedWork(mode: 'browser' | 'desktop' = 'browser') {
  const store = documentStore(mode);
  await store.s().newFromTemplate('production');
  store.s().editMetadata({ name: 'Mine' });
  store.platform.confirm.mockClear();
  return { ...store, before: store.s().doc! };
}

describe('opening a file that is not a topology document', () => {
  it('broken YAML: the findings are shown with line and column; the open document is neither replaced nor marked clean, and nobody is asked', async () => {
    const { s, host, platform, before } = await withUnsavedWork();
    host.api.openDocumentText.mockResolvedValueOnce(opened({ name: 'broken.yaml', text: 'metadata: {name: x\n', document: undefined, findings: [yamlError] }));
    await s().openText('broken.yaml', 'metadata: {name: x\n');
    expect(s().openFailure).toEqual({ name: 'broken.yaml', findings: [yamlError], compose: false });
    expect(s().doc).toBe(before);
    expect(s().doc).toMatchObject({ dirty: true, name: 'production.devsim.yaml' });
    expect(s().doc?.document?.metadata.name).toBe('Mine');
    expect(platform.confirm).not.toHaveBeenCalled();
  });

  it('bytes that are not UTF-8 (a picture renamed .yaml) are refused in the page with the loader\'s words; the host is not asked', async () => {
    const { s, host, before } = await withUnsavedWork();
    await s().openText('photo.yaml', null);
    expect(host.api.openDocumentText).not.toHaveBeenCalled();
    expect(s().openFailure?.findings).toEqual([
      { severity: 'error', code: 'not-text', path: '', message: 'photo.yaml is not UTF-8 text; a topology document is YAML or JSON.' },
    ]);
    expect(s().doc).toBe(before);
  });

  it('a Compose file opened as a document is recognised, so the panel can point to Import', async () => {
    const { s, host, before } = await withUnsavedWork();
    const compose = 'services:\n  web:\n    image: nginx\n';
    const wrongVersion: Finding = { severity: 'error', code: 'unknown-version', path: 'apiVersion', message: 'apiVersion must be devsim.io/v1.', line: 1, column: 1 };
    host.api.openDocumentText.mockResolvedValueOnce(opened({ name: 'docker-compose.yaml', text: compose, document: undefined, findings: [wrongVersion] }));
    await s().openText('docker-compose.yaml', compose);
    expect(s().openFailure).toEqual({ name: 'docker-compose.yaml', findings: [wrongVersion], compose: true });
    expect(s().doc).toBe(before);
  });

  it('desktop: a broken file from a path leaves the open document too', async () => {
    const { s, host, before } = await withUnsavedWork('desktop');
    host.files.set('/labs/broken.devsim.yaml', opened({ path: '/labs/broken.devsim.yaml', name: 'broken.devsim.yaml', document: undefined, findings: [yamlError] }));
    host.api.pickOpenPath.mockResolvedValueOnce({ path: '/labs/broken.devsim.yaml' });
    await s().open();
    expect(s().openFailure?.name).toBe('broken.devsim.yaml');
    expect(s().doc).toBe(before);
    expect(s().docBusy).toBeNull();
  });

  it('with nothing open, the broken file opens read-only with its findings (as before), and no failure panel', async () => {
    const { s, host } = documentStore();
    host.api.openDocumentText.mockResolvedValueOnce(opened({ name: 'broken.yaml', document: undefined, findings: [yamlError] }));
    await s().openText('broken.yaml', 'x: [');
    expect(s().doc).toMatchObject({ name: 'broken.yaml', findings: [yamlError] });
    expect(s().doc?.document).toBeUndefined();
    expect(s().openFailure).toBeNull();
  });

  it('a readable document with errors still opens (it can be edited), after asking; declining keeps the open one; opening clears the panel', async () => {
    const { s, host, platform, before } = await withUnsavedWork();
    host.api.openDocumentText.mockResolvedValueOnce(opened({ name: 'broken.yaml', document: undefined, findings: [yamlError] }));
    await s().openText('broken.yaml', 'x: [');
    expect(s().openFailure).not.toBeNull();

    const withErrors = opened({ name: 'errors.devsim.yaml', findings: [{ severity: 'error', code: 'link-missing-node', path: 'links[0].to', message: 'no such node', line: 9, column: 9 }] });
    host.api.openDocumentText.mockResolvedValue(withErrors);
    platform.answer = false;
    await s().openText('errors.devsim.yaml', 'text');
    expect(platform.confirm).toHaveBeenCalledTimes(1);
    expect(s().doc).toBe(before);

    platform.answer = true;
    await s().openText('errors.devsim.yaml', 'text');
    expect(s().doc).toMatchObject({ name: 'errors.devsim.yaml', dirty: false, findings: withErrors.findings });
    expect(s().openFailure).toBeNull();
  });

  it('dismissing the panel clears it; a Compose import of bytes that are not text says so', async () => {
    const { s, host } = await withUnsavedWork();
    await s().openText('photo.yaml', null);
    s().dismissOpenFailure();
    expect(s().openFailure).toBeNull();
    await s().importComposeText('photo.yml', null);
    expect(host.api.importCompose).not.toHaveBeenCalled();
    expect(s().notice).toBe('Could not import photo.yml: it is not UTF-8 text; a Compose file is YAML.');
  });
});
