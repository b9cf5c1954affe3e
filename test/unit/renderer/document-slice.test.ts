import { describe, expect, it } from 'vitest';
import { documentStore, opened } from './fake-documents.js';

describe('documents: new, open, close', () => {
  it('a new document from a template is unsaved, has an untitled key and opens the Topology area', async () => {
    const { s, host } = documentStore();
    await s().newFromTemplate('production');
    expect(host.api.newFromTemplate).toHaveBeenCalledWith({ templateId: 'production' });
    expect(s().doc).toMatchObject({ name: 'production.devsim.yaml', dirty: true, key: 'untitled:1', path: null });
    expect(s().area).toBe('topology');
  });

  it('asks before losing unsaved changes, and does nothing when the person says no', async () => {
    const { s, host, platform } = documentStore();
    await s().newFromTemplate('production');
    s().editMetadata({ name: 'Mine' });
    platform.answer = false;
    await s().newFromTemplate('development');
    await s().openText('other.devsim.yaml', 'x');
    await s().close();
    expect(platform.confirm).toHaveBeenCalledTimes(3);
    expect(platform.confirm.mock.calls[0]![0]).toContain('unsaved changes');
    expect(host.api.newFromTemplate).toHaveBeenCalledTimes(1);
    // The file is read first (a broken one is refused without asking); declining keeps this one.
    expect(host.api.openDocumentText).toHaveBeenCalledTimes(1);
    expect(s().doc?.document?.metadata.name).toBe('Mine');

    platform.answer = true;
    await s().close();
    expect(s().doc).toBeNull();
    // Closing without saving discards the autosave: the person chose to lose the changes.
    expect(host.api.discardAutosave).toHaveBeenCalledWith({ key: 'untitled:1' });
  });

  it('does not ask when nothing is unsaved', async () => {
    const { s, platform } = documentStore();
    await s().openText('a.devsim.yaml', 'text');
    expect(s().doc).toMatchObject({ name: 'a.devsim.yaml', dirty: false });
    await s().openText('b.devsim.yaml', 'text');
    expect(platform.confirm).not.toHaveBeenCalled();
    expect(s().doc?.name).toBe('b.devsim.yaml');
  });

  it('a recent document that is gone offers its removal; other failures become the notice', async () => {
    const { s, host } = documentStore();
    await s().openPath('/labs/gone.devsim.yaml');
    expect(s().missingRecent).toEqual({ path: '/labs/gone.devsim.yaml', message: '/labs/gone.devsim.yaml does not exist.' });
    expect(s().doc).toBeNull();

    host.files.set('/labs/here.devsim.yaml', opened({ path: '/labs/here.devsim.yaml', name: 'here.devsim.yaml' }));
    await s().openPath('/labs/here.devsim.yaml');
    expect(s().missingRecent).toBeNull();
    expect(s().doc).toMatchObject({ path: '/labs/here.devsim.yaml', key: '/labs/here.devsim.yaml', dirty: false });

    host.api.openDocument.mockRejectedValueOnce(new Error('disk on fire'));
    await s().openPath('/labs/here.devsim.yaml');
    expect(s().notice).toBe('Could not open /labs/here.devsim.yaml: disk on fire');
  });

  it('open: the browser picks a file first; the desktop asks the native dialog', async () => {
    const browser = documentStore('browser');
    browser.platform.pickFile.mockResolvedValueOnce({ name: 'up.devsim.yaml', text: 'uploaded' });
    await browser.s().open();
    expect(browser.host.api.openDocumentText).toHaveBeenCalledWith({ name: 'up.devsim.yaml', text: 'uploaded' });
    expect(browser.host.api.pickOpenPath).not.toHaveBeenCalled();

    const desktop = documentStore('desktop');
    desktop.host.files.set('/d/x.devsim.yaml', opened({ path: '/d/x.devsim.yaml' }));
    desktop.host.api.pickOpenPath.mockResolvedValueOnce({ path: '/d/x.devsim.yaml' });
    await desktop.s().open();
    expect(desktop.s().doc?.path).toBe('/d/x.devsim.yaml');
    expect(desktop.platform.pickFile).not.toHaveBeenCalled();
  });

  it('import: the document opens unsaved and the unmapped settings are reported', async () => {
    const { s } = documentStore();
    await s().importComposeText('stack.yml', 'services: {}');
    expect(s().doc).toMatchObject({ name: 'stack.devsim.yaml', dirty: true });
    expect(s().importReport).toEqual({ name: 'stack.yml', findings: [], unmapped: [{ path: 'services.web.build', reason: 'builds are not simulated' }], opened: true });
  });
});

describe('documents: save, save as, export', () => {
  it('Save writes the edited document to its path, clears dirty and discards the autosave', async () => {
    const { s, host } = documentStore();
    host.files.set('/labs/a.devsim.yaml', opened({ path: '/labs/a.devsim.yaml', name: 'a.devsim.yaml' }));
    await s().openPath('/labs/a.devsim.yaml');
    s().editMetadata({ name: 'Renamed', environment: 'production' });
    expect(s().doc).toMatchObject({ dirty: true, revision: 1 });
    await s().save();
    const sent = host.api.saveDocument.mock.calls[0]![0] as { path: string; document: { metadata: { name: string; environment: string } } };
    expect(sent.path).toBe('/labs/a.devsim.yaml');
    expect(sent.document.metadata).toMatchObject({ name: 'Renamed', environment: 'production' });
    expect(s().doc?.dirty).toBe(false);
    expect(host.api.discardAutosave).toHaveBeenCalledWith({ key: '/labs/a.devsim.yaml' });
  });

  it('Save without a path is Save As; in the browser that downloads <name>.devsim.yaml', async () => {
    const { s, host, platform } = documentStore('browser');
    await s().importComposeText('stack.yml', 'services: {}');
    s().editMetadata({ name: 'Stack' });
    await s().save();
    expect(host.api.serializeDocument).toHaveBeenCalled();
    expect(platform.download).toHaveBeenCalledWith('stack.devsim.yaml', 'name: Stack\n', 'application/yaml');
    expect(s().doc).toMatchObject({ dirty: false, path: null, key: 'untitled:1' });
    expect(host.api.discardAutosave).toHaveBeenCalledWith({ key: 'untitled:1' });
  });

  it('desktop Save As asks for a path (cancel changes nothing), then the key becomes the path', async () => {
    const { s, host } = documentStore('desktop');
    await s().newFromTemplate('three-tier');
    await s().saveAs();
    expect(host.api.pickSavePath).toHaveBeenCalledWith({ suggestedName: 'three-tier.devsim.yaml' });
    expect(host.api.saveDocument).not.toHaveBeenCalled();
    expect(s().doc?.dirty).toBe(true);

    host.api.pickSavePath.mockResolvedValueOnce({ path: '/labs/tt.devsim.yaml' });
    await s().saveAs();
    expect(s().doc).toMatchObject({ path: '/labs/tt.devsim.yaml', key: '/labs/tt.devsim.yaml', name: 'tt.devsim.yaml', dirty: false });
    expect(host.api.discardAutosave.mock.calls.map((c) => c[0].key)).toEqual(['untitled:1', '/labs/tt.devsim.yaml']);
  });

  it('a document that does not fit the schema cannot be saved or exported, and says why', async () => {
    const { s, host } = documentStore();
    host.api.openDocumentText.mockResolvedValueOnce(opened({ document: undefined, findings: [{ severity: 'error', code: 'schema', path: 'nodes', message: 'bad', line: 3, column: 2 }] }));
    await s().openText('broken.devsim.yaml', 'nodes: 1');
    await s().save();
    expect(s().notice).toContain('cannot be saved or exported');
    await s().exportAs('compose');
    expect(host.api.exportDocument).not.toHaveBeenCalled();
  });

  it('browser export downloads each file; Kubernetes comes as one bundled kubernetes.yaml', async () => {
    const { s, platform } = documentStore('browser');
    await s().newFromTemplate('production');
    await s().exportAs('compose');
    expect(platform.download).toHaveBeenLastCalledWith('docker-compose.yml', 'services: {}\n', 'application/yaml');
    expect(s().exportReport).toMatchObject({ format: 'compose', files: ['docker-compose.yml'], bundled: false });
    await s().exportAs('k8s');
    const [name, text] = platform.download.mock.calls.at(-1)!;
    expect(name).toBe('kubernetes.yaml');
    expect(text).toBe('# Source: base/api/deployment.yaml\nkind: Deployment\n');
    expect(s().exportReport).toMatchObject({ format: 'k8s', bundled: true, notes: [{ code: 'k8s-simulated-only' }] });
  });

  it('desktop export writes where the person chose and reports the notes', async () => {
    const { s, host } = documentStore('desktop');
    await s().newFromTemplate('production');
    host.api.pickSavePath.mockResolvedValueOnce({ path: '/out/prod-k8s' });
    await s().exportAs('k8s');
    expect(host.api.pickSavePath).toHaveBeenCalledWith({ suggestedName: 'production-kubernetes' });
    expect(host.api.saveExport).toHaveBeenCalledWith(expect.objectContaining({ format: 'k8s', path: '/out/prod-k8s' }));
    expect(s().exportReport).toMatchObject({ files: ['/out/prod-k8s'], notes: [{ code: 'k8s-simulated-only' }] });
  });
});

describe('documents: recovery and menu commands', () => {
  it('lists autosaves at start; Restore opens one unsaved at its path and key; Discard drops it', async () => {
    const { s, host } = documentStore();
    host.autosaves.set('/labs/a.devsim.yaml', { key: '/labs/a.devsim.yaml', path: '/labs/a.devsim.yaml', name: 'a.devsim.yaml', text: 'A', savedAt: 't1' });
    host.autosaves.set('untitled:x', { key: 'untitled:x', path: null, name: 'u.devsim.yaml', text: 'U', savedAt: 't2' });
    await s().loadRecovery();
    expect(s().recovery.map((a) => a.key)).toEqual(['/labs/a.devsim.yaml', 'untitled:x']);
    await s().restoreAutosave('/labs/a.devsim.yaml');
    expect(host.api.openDocumentText).toHaveBeenCalledWith({ name: 'a.devsim.yaml', text: 'A' });
    expect(s().doc).toMatchObject({ path: '/labs/a.devsim.yaml', key: '/labs/a.devsim.yaml', dirty: true });
    expect(s().recovery.map((a) => a.key)).toEqual(['untitled:x']);
    await s().discardRecovery('untitled:x');
    expect(s().recovery).toEqual([]);
    expect(host.autosaves.has('untitled:x')).toBe(false);
    expect(host.autosaves.has('/labs/a.devsim.yaml')).toBe(true); // kept until saved
  });

  it('native menu commands run the document actions; without a document, Save says so', async () => {
    const { s, host } = documentStore();
    s().runMenuCommand({ command: 'saveDocument' });
    expect(s().notice).toBe('No document is open.');
    s().navigate('run');
    s().runMenuCommand({ command: 'newDocument' });
    expect(s().area).toBe('welcome');
    host.files.set('/labs/r.devsim.yaml', opened({ path: '/labs/r.devsim.yaml' }));
    s().runMenuCommand({ command: 'openRecent', path: '/labs/r.devsim.yaml' });
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(s().doc?.path).toBe('/labs/r.devsim.yaml');
    s().runMenuCommand({ command: 'closeDocument' });
    await new Promise((r) => setImmediate(r));
    expect(s().doc).toBeNull();
  });
});
