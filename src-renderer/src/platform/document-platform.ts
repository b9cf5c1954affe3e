import type { DocumentPlatform } from '../stores/document-platform.js';
import { download, pickFile } from './browser-files.js';

/** The real window: native dialogs come through the contract, the rest from the page. */
export function createDocumentPlatform(mode: DocumentPlatform['mode']): DocumentPlatform {
  return {
    mode,
    confirm: (message) => window.confirm(message),
    pickFile,
    download,
    newKey: () => `untitled:${crypto.randomUUID()}`,
  };
}
