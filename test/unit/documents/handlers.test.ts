import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName, type Reply } from '../../../src-preload/contract/index.js';
import { startApp, type RunningApp } from '../../../src-main/app/bootstrap.js';
import { createMemoryLogger } from '../../../src-main/app/logger.js';

let dir: string;
let app: RunningApp;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'devsim-docs-'));
  app = startApp({ mode: 'browser', dataDir: join(dir, 'data'), log: createMemoryLogger() });
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T = unknown>(method: MethodName, args?: unknown): Promise<T> {
  const reply: Reply = await app.dispatch(method, args);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.result as T;
}
const failure = async (method: MethodName, args?: unknown): Promise<{ code: string; message: string }> => {
  const reply = await app.dispatch(method, args);
  if (reply.ok) throw new Error(`${method} should have failed`);
  return reply.error;
};

describe('document methods through the contract', () => {
  it('are all in the contract', () => {
    for (const m of ['listTemplates', 'newFromTemplate', 'openDocument', 'saveDocument', 'autosaveDocument'] as const) expect(METHOD_NAMES).toContain(m);
  });

  it('lists the templates, seed environments first, with what they contain', async () => {
    const list = await call<{ id: string; nodeCount: number; kinds: Record<string, number> }[]>('listTemplates');
    expect(list.map((t) => t.id).slice(0, 3)).toEqual(['production', 'development', 'experimental']);
    expect(list.map((t) => t.id)).toEqual(expect.arrayContaining(['single-queue', 'three-tier']));
    expect(list.find((t) => t.id === 'experimental')?.kinds).toMatchObject({ postgres: 1, redis: 1, kafka: 1 });
  });

  it('makes a new unsaved document from a template, and names a missing one', async () => {
    const doc = await call<{ path: null; document: { metadata: { name: string } }; findings: unknown[] }>('newFromTemplate', { templateId: 'production' });
    expect(doc.path).toBeNull();
    expect(doc.document.metadata.name).toBe('Production');
    expect(doc.findings).toEqual([]);
    expect(await failure('newFromTemplate', { templateId: 'nope' })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('"nope"') });
  });

  it('saves a document atomically and opens it again unchanged, adding it to recent documents', async () => {
    const { document } = await call<{ document: unknown }>('newFromTemplate', { templateId: 'three-tier' });
    const path = join(dir, 'lab.devsim.yaml');
    const saved = await call<{ text: string }>('saveDocument', { path, document });
    expect(readFileSync(path, 'utf8')).toBe(saved.text);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const opened = await call<{ document: unknown; findings: unknown[]; path: string }>('openDocument', { path });
    expect(opened.document).toEqual(document);
    expect(opened.findings).toEqual([]);
    const recent = await call<{ path: string }[]>('listRecent');
    expect(recent[0]?.path).toBe(path);
  });

  it('opens a broken file with its findings and no parsed document', async () => {
    const path = join(dir, 'broken.devsim.yaml');
    writeFileSync(path, 'apiVersion: devsim.io/v1\nkind: Topology\nmetadata: { name: x }\nnodes:\n  a: { kind: mainframe }\n');
    const opened = await call<{ document?: unknown; findings: { path: string; line: number }[]; text: string }>('openDocument', { path });
    expect(opened.document).toBeUndefined();
    expect(opened.findings[0]).toMatchObject({ path: 'nodes.a.kind', line: 5 });
    expect(opened.text).toContain('mainframe');
  });

  it('refuses relative paths, other extensions, folders and missing files with a clear error', async () => {
    expect(await failure('openDocument', { path: 'lab.devsim.yaml' })).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('absolute') });
    expect(await failure('openDocument', { path: join(dir, 'x.exe') })).toMatchObject({ code: 'BAD_REQUEST' });
    mkdirSync(join(dir, 'folder.yaml'));
    expect(await failure('openDocument', { path: join(dir, 'folder.yaml') })).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('folder') });
    expect(await failure('openDocument', { path: join(dir, 'missing.yaml') })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('does not overwrite a file it cannot write, and says why', async () => {
    if (process.getuid?.() === 0) {
      // root ignores file permissions; a missing folder stands in for an unwritable place.
      const { document } = await call<{ document: unknown }>('newFromTemplate', { templateId: 'single-queue' });
      expect(await failure('saveDocument', { path: join(dir, 'no', 'such', 'x.devsim.yaml'), document })).toMatchObject({ code: 'NOT_FOUND' });
      return;
    }
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    const { document } = await call<{ document: unknown }>('newFromTemplate', { templateId: 'single-queue' });
    expect(await failure('saveDocument', { path: join(ro, 'x.devsim.yaml'), document })).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses to save a document that breaks the schema', async () => {
    expect(await failure('saveDocument', { path: join(dir, 'x.devsim.yaml'), document: { apiVersion: 'devsim.io/v1' } })).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('opens an uploaded file (browser mode) without a path', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../../resources/templates/single-queue.devsim.yaml'), 'utf8');
    const opened = await call<{ path: null; name: string; document: unknown }>('openDocumentText', { name: '/fake/dir/q.devsim.yaml', text });
    expect(opened).toMatchObject({ path: null, name: 'q.devsim.yaml' });
    expect(opened.document).toBeDefined();
  });

  it('keeps autosaves across a restart until they are discarded', async () => {
    await call('autosaveDocument', { key: 'untitled:1', path: null, name: 'untitled.devsim.yaml', text: 'v1' });
    await call('autosaveDocument', { key: 'untitled:1', path: null, name: 'untitled.devsim.yaml', text: 'v2' });
    app.close();
    app = startApp({ mode: 'browser', dataDir: join(dir, 'data'), log: createMemoryLogger() });
    const list = await call<{ key: string; text: string }[]>('listAutosaves');
    expect(list).toEqual([expect.objectContaining({ key: 'untitled:1', text: 'v2' })]);
    expect(await call('discardAutosave', { key: 'untitled:1' })).toEqual([]);
  });

  it('validates text and serializes documents', async () => {
    const findings = await call<{ code: string }[]>('validateDocument', { text: 'nodes: [' });
    expect(findings[0]?.code).toMatch(/^yaml-/);
    const { document } = await call<{ document: unknown }>('newFromTemplate', { templateId: 'development' });
    const text = await call<string>('serializeDocument', { document });
    expect(text).toContain('apiVersion: devsim.io/v1');
  });

  it('exports through the contract and writes a Kubernetes tree to a folder', async () => {
    const { document } = await call<{ document: unknown }>('newFromTemplate', { templateId: 'production' });
    const compose = await call<{ files: Record<string, string>; folder: boolean }>('exportDocument', { document, format: 'compose' });
    expect(Object.keys(compose.files)).toEqual(['docker-compose.yml']);
    expect(compose.folder).toBe(false);
    const target = join(dir, 'k8s');
    const { written } = await call<{ written: string[] }>('saveExport', { document, format: 'k8s', path: target });
    expect(written.length).toBeGreaterThan(10);
    expect(written.every((f) => f.startsWith(target))).toBe(true);
    expect(readdirSync(target).sort()).toEqual(['base', 'overlays']);
  });

  it('imports compose text as a new unsaved document, keeping what it could not map in the answer', async () => {
    const text = 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n    restart: always\n    depends_on: [db]\n  db:\n    image: postgres:16\n';
    const result = await call<{ opened?: { path: null; name: string; document: { nodes: Record<string, { kind: string }> } }; unmapped: { path: string }[] }>(
      'importCompose',
      { name: 'docker-compose.yml', text },
    );
    expect(result.opened?.path).toBeNull();
    expect(result.opened?.name).toBe('docker-compose.devsim.yaml');
    expect(result.opened?.document.nodes.web?.kind).toBe('load-balancer');
    expect(result.opened?.document.nodes.db?.kind).toBe('postgres');
    expect(result.unmapped.map((u) => u.path)).toContain('services.web.restart');
    const broken = await call<{ opened?: unknown; findings: { severity: string }[] }>('importCompose', { name: 'x.yml', text: 'not: compose' });
    expect(broken.opened).toBeUndefined();
    expect(broken.findings.some((f) => f.severity === 'error')).toBe(true);
  });
});
