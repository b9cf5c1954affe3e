import type { StateCreator } from 'zustand/vanilla';
import type { DevsimApi } from '../../../src-preload/contract/index.js';
import type { AppState } from './app-store.js';
import type { DocumentPlatform } from './document-platform.js';
import { messageOf } from './errors.js';

export type DiagramFormat = 'png' | 'svg';

/** How the page takes and hands out the picture (the canvas renders it; a browser downloads it). */
export interface DiagramPicture {
  /** A data URL of the diagram in `format`. */
  render(format: DiagramFormat): Promise<string>;
  /** Browser mode: hands the data URL to the browser as a download called `name`. */
  download(name: string, url: string): void;
}

export interface DiagramSlice {
  /** Saves a picture of the diagram: desktop, where the person picks (Save dialog); browser, a download. */
  exportDiagram(format: DiagramFormat, picture: DiagramPicture): Promise<void>;
}

const DOCUMENT_SUFFIX = /(\.devsim)?\.(ya?ml|json)$/i;

/** "shop.devsim.yaml" → "shop.png". */
export function diagramFileName(documentName: string, format: DiagramFormat): string {
  return `${documentName.replace(DOCUMENT_SUFFIX, '').trim() || 'topology'}.${format}`;
}

/** What the contract's saveImage takes from a data URL: base64 for PNG, the text for SVG. */
export function imageData(url: string, format: DiagramFormat): string {
  const comma = url.indexOf(',');
  const head = url.slice(0, comma);
  if (comma < 0 || !head.startsWith(`data:image/${format === 'png' ? 'png' : 'svg+xml'}`)) throw new Error(`the picture is not ${format.toUpperCase()}`);
  const body = url.slice(comma + 1);
  if (format === 'png') return head.endsWith(';base64') ? body : btoa(decodeURIComponent(body));
  return head.endsWith(';base64') ? atob(body) : decodeURIComponent(body);
}

export const createDiagramSlice =
  (api: DevsimApi, platform: DocumentPlatform): StateCreator<AppState, [], [], DiagramSlice> =>
  (set, get) => ({
    exportDiagram: async (format, picture) => {
      const doc = get().doc;
      if (!doc?.document) {
        set({ notice: 'No diagram to export: open a document that can be read first.' });
        return;
      }
      const name = diagramFileName(doc.name, format);
      set({ docBusy: 'Exporting…' });
      try {
        if (platform.mode === 'browser') {
          picture.download(name, await picture.render(format));
          return;
        }
        const { path } = await api.pickSavePath({ suggestedName: name });
        if (!path) return;
        const { written } = await api.saveImage({ path, format, data: imageData(await picture.render(format), format) });
        set({ notice: `The diagram was saved to ${written.join(', ')}.` });
      } catch (err) {
        set({ notice: `Could not export the diagram as ${format.toUpperCase()}: ${messageOf(err)}` });
      } finally {
        set({ docBusy: null });
      }
    },
  });
