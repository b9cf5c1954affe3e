// An in-memory host for the document actions, and a platform that records what it was asked.
import { vi } from 'vitest';
import {
  ContractError,
  DEFAULT_SETTINGS,
  topologySchema,
  type Autosave,
  type DevsimApi,
  type OpenedDocument,
} from '../../../src-preload/contract/index.js';
import { createAppStore } from '../../../src-renderer/src/stores/app-store.js';
import type { DocumentPlatform } from '../../../src-renderer/src/stores/document-platform.js';

export const topology = (name = 'Shop') =>
  topologySchema.parse({
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name },
    nodes: { db: { kind: 'postgres', image: 'postgres:16' }, cache: { kind: 'redis', image: 'redis:7' } },
  });

export const opened = (over: Partial<OpenedDocument> = {}): OpenedDocument => ({
  path: null,
  name: 'shop.devsim.yaml',
  text: 'apiVersion: devsim.io/v1\n',
  document: topology(),
  findings: [],
  ...over,
});

export function fakeDocumentHost() {
  const files = new Map<string, OpenedDocument>();
  const autosaves = new Map<string, Autosave>();
  let clock = 0;
  const api = {
    newFromTemplate: vi.fn(async ({ templateId }: { templateId: string }) => opened({ name: `${templateId}.devsim.yaml` })),
    openDocument: vi.fn(async ({ path }: { path: string }) => {
      const doc = files.get(path);
      if (!doc) throw new ContractError('NOT_FOUND', `${path} does not exist.`, path);
      return doc;
    }),
    openDocumentText: vi.fn(async ({ name, text }: { name: string; text: string }) => opened({ name, text })),
    saveDocument: vi.fn(async ({ path, document }: { path: string; document: unknown }) => {
      const text = `saved ${JSON.stringify(document)}`;
      files.set(path, opened({ path, name: path.split('/').pop()!, text }));
      return { path, name: path.split('/').pop()!, text };
    }),
    serializeDocument: vi.fn(async ({ document }: { document: { metadata: { name: string } } }) => `name: ${document.metadata.name}\n`),
    autosaveDocument: vi.fn(async (entry: Omit<Autosave, 'savedAt'>) => {
      const savedAt = new Date(Date.UTC(2025, 0, 1, 0, 0, ++clock)).toISOString();
      autosaves.set(entry.key, { ...entry, savedAt });
      return { savedAt };
    }),
    listAutosaves: vi.fn(async () => [...autosaves.values()]),
    discardAutosave: vi.fn(async ({ key }: { key: string }) => {
      autosaves.delete(key);
      return [...autosaves.values()];
    }),
    pickOpenPath: vi.fn(async () => ({ path: null as string | null })),
    pickSavePath: vi.fn(async () => ({ path: null as string | null })),
    exportDocument: vi.fn(async ({ format }: { format: string }) =>
      format === 'k8s'
        ? {
            files: { 'base/api/deployment.yaml': 'kind: Deployment\n', 'base/kustomization.yaml': 'kind: Kustomization\n', 'overlays/production/kustomization.yaml': 'x\n' },
            notes: [{ severity: 'info' as const, code: 'k8s-simulated-only', path: 'nodes.x', message: 'x has no image' }],
            folder: true,
          }
        : { files: { 'docker-compose.yml': 'services: {}\n' }, notes: [], folder: false },
    ),
    saveExport: vi.fn(async ({ path }: { path: string }) => ({ written: [path] })),
    importCompose: vi.fn(async ({ name }: { name: string }) => ({
      opened: opened({ name: name.replace(/\.ya?ml$/, '.devsim.yaml') }),
      findings: [],
      unmapped: [{ path: 'services.web.build', reason: 'builds are not simulated' }],
    })),
    listTemplates: vi.fn(async () => []),
  };
  return { api, files, autosaves };
}

export function fakePlatform(mode: DocumentPlatform['mode'] = 'browser') {
  let n = 0;
  const platform = {
    mode,
    answer: true,
    confirm: vi.fn((_message: string) => platform.answer),
    pickFile: vi.fn(async (_accept: string) => null as { name: string; text: string } | null),
    download: vi.fn((_name: string, _text: string, _type?: string) => {}),
    newKey: () => `untitled:${++n}`,
  };
  return platform;
}

export function documentStore(mode: DocumentPlatform['mode'] = 'browser', autosaveSeconds = 30) {
  const host = fakeDocumentHost();
  const platform = fakePlatform(mode);
  const store = createAppStore(host.api as unknown as DevsimApi, { state: 'connected' }, platform);
  store.setState({ settings: { ...DEFAULT_SETTINGS, autosaveSeconds } });
  return { host, platform, store, s: store.getState };
}
