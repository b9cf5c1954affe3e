import { readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute } from 'node:path';
import { ContractError, type Handlers, type OpenedDocument } from '../../src-preload/contract/index.js';
import type { Store } from '../store/store.js';
import type { EventBus } from '../app/event-bus.js';
import { loadDocument, MAX_DOCUMENT_BYTES } from './load-document.js';
import { serializeDocument } from './serialize.js';
import { listTemplates, openTemplate } from './templates.js';
import { writeFileAtomic } from '../app/write-file-atomic.js';

type DocumentHandlers = Pick<
  Handlers,
  | 'listTemplates'
  | 'newFromTemplate'
  | 'openDocument'
  | 'openDocumentText'
  | 'validateDocument'
  | 'saveDocument'
  | 'serializeDocument'
  | 'autosaveDocument'
  | 'listAutosaves'
  | 'discardAutosave'
>;

const DOCUMENT_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Paths arrive from the renderer: absolute, and a document's extension, nothing else. */
function checkPath(path: string): void {
  if (!isAbsolute(path)) throw new ContractError('BAD_REQUEST', `A document path must be absolute: ${path}`, 'path');
  if (!DOCUMENT_EXTENSIONS.includes(extname(path).toLowerCase())) {
    throw new ContractError('BAD_REQUEST', `Documents are .devsim.yaml (or .yaml, .yml, .json) files: ${path}`, 'path');
  }
}

function fileError(err: unknown, path: string, doing: string): ContractError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ContractError('NOT_FOUND', `${path} does not exist.`, path);
  if (code === 'EACCES' || code === 'EPERM') return new ContractError('BAD_REQUEST', `No permission ${doing} ${path}.`, path);
  if (code === 'EISDIR') return new ContractError('BAD_REQUEST', `${path} is a folder, not a document.`, path);
  return new ContractError('INTERNAL', `Could not ${doing.replace(/^to /, '')} ${path}: ${(err as Error).message}`, path);
}

const opened = (path: string | null, name: string, text: string, input: string | Uint8Array = text): OpenedDocument => {
  const result = loadDocument(input, name);
  return {
    path,
    name,
    text,
    findings: result.findings,
    ...(result.document ? { document: result.document } : {}),
    ...(result.migratedFrom ? { migratedFrom: result.migratedFrom } : {}),
  };
};

/** Open, save, templates and autosave: the file tools the editor stands on. */
export function createDocumentHandlers(store: Store, bus: EventBus): DocumentHandlers {
  return {
    listTemplates: () => listTemplates(),
    newFromTemplate: ({ templateId }) => {
      const doc = openTemplate(templateId);
      if (!doc) throw new ContractError('NOT_FOUND', `There is no template called "${templateId}".`, 'templateId');
      return doc;
    },
    openDocument: ({ path }) => {
      checkPath(path);
      let bytes: Buffer;
      try {
        if (statSync(path).size > MAX_DOCUMENT_BYTES) {
          throw new ContractError('TOO_LARGE', `${path} is larger than ${MAX_DOCUMENT_BYTES / 1048576} MB; documents are limited to that.`, path);
        }
        bytes = readFileSync(path);
      } catch (err) {
        throw err instanceof ContractError ? err : fileError(err, path, 'to read');
      }
      // The loader reads the bytes (it refuses what is not UTF-8); the text goes along for the editor.
      const doc = opened(path, basename(path), bytes.toString('utf8'), bytes);
      bus.emit('recentChanged', store.recent.add(path));
      return doc;
    },
    openDocumentText: ({ name, text }) => opened(null, basename(name) || 'untitled.devsim.yaml', text),
    validateDocument: ({ text }) => loadDocument(text).findings,
    saveDocument: ({ path, document }) => {
      checkPath(path);
      const text = serializeDocument(document);
      try {
        writeFileAtomic(path, text);
      } catch (err) {
        throw fileError(err, path, 'to write');
      }
      bus.emit('recentChanged', store.recent.add(path));
      return { path, name: basename(path), text };
    },
    serializeDocument: ({ document }) => serializeDocument(document),
    autosaveDocument: (entry) => ({ savedAt: store.autosaves.save(entry) }),
    listAutosaves: () => store.autosaves.list(),
    discardAutosave: ({ key }) => {
      store.autosaves.discard(key);
      return store.autosaves.list();
    },
  };
}
