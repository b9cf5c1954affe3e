import { basename, isAbsolute } from 'node:path';
import { ContractError, topologySchema, type Handlers } from '../../src-preload/contract/index.js';
import { loadDocument } from '../documents/load-document.js';
import { serializeDocument } from '../documents/serialize.js';
import { exportDocument } from './export.js';
import { importCompose } from './import-compose.js';
import { writeExport } from './write-export.js';
import { writeImage } from './write-image.js';

type FileHandlers = Pick<Handlers, 'exportDocument' | 'saveExport' | 'saveImage' | 'importCompose'>;

/** Export to compose / Kubernetes / Prometheus, pictures of the diagram, and import from compose, for the app. */
export function createFileHandlers(): FileHandlers {
  return {
    exportDocument: ({ document, format }) => exportDocument(document, format),
    saveExport: ({ document, format, path }) => {
      // Relative paths would land wherever the app happens to run.
      if (!isAbsolute(path)) throw new ContractError('BAD_REQUEST', `An export path must be absolute: ${path}`, 'path');
      try {
        return { written: writeExport(exportDocument(document, format), path) };
      } catch (err) {
        throw new ContractError('BAD_REQUEST', `Could not write the export to ${path}: ${(err as Error).message}`, path);
      }
    },
    saveImage: ({ path, format, data }) => {
      try {
        return { written: [writeImage(path, format, data)] };
      } catch (err) {
        throw new ContractError('BAD_REQUEST', `Could not save the picture to ${path}: ${(err as Error).message}`, path);
      }
    },
    importCompose: ({ name, text }) => {
      const result = importCompose(text, basename(name));
      const unmapped = result.unmapped.map((u) => ({ path: u.path, reason: u.reason }));
      if (!result.document) return { findings: result.findings, unmapped };
      // The imported document is shown as a new, unsaved one, with the import's findings first.
      const yaml = serializeDocument(topologySchema.parse(result.document));
      const docName = `${basename(name).replace(/\.(ya?ml)$/i, '')}.devsim.yaml`;
      const loaded = loadDocument(yaml, docName);
      return {
        opened: { path: null, name: docName, text: yaml, findings: loaded.findings, ...(loaded.document ? { document: loaded.document } : {}) },
        findings: result.findings,
        unmapped,
      };
    },
  };
}
