import type { DevsimApi, Topology } from '../../../src-preload/contract/index.js';
import type { AppState } from './app-store.js';
import type { DocumentPlatform } from './document-platform.js';
import { KUBERNETES_BUNDLE, bundleKubernetes, documentFileName, exportTargetName, type ExportFormat } from './document-files.js';
import type { OpenDocument } from './document-state.js';
import { messageOf } from './errors.js';

export interface SaveActions {
  /** To the document's path; a document without one goes through Save As. */
  save(): Promise<void>;
  /** Desktop: the native Save dialog; browser: a download of the YAML. */
  saveAs(): Promise<void>;
  exportAs(format: ExportFormat): Promise<void>;
  /** Writes the open document's unsaved state to the host's autosave store. */
  autosaveNow(): Promise<void>;
}

type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;
type Attempt = <T>(busy: string, failed: string, op: () => Promise<T>) => Promise<T | undefined>;

const YAML_TYPE = 'application/yaml';

export function createSaveActions(api: DevsimApi, platform: DocumentPlatform, set: Set, get: () => AppState, attempt: Attempt): SaveActions {
  // A save waits for an autosave in flight, so the autosave cannot land after the save discarded it.
  let autosaving: Promise<void> = Promise.resolve();

  /** The open document with its parsed form, or null after telling the person why not. */
  const savable = (): (OpenDocument & { document: Topology }) | null => {
    const doc = get().doc;
    if (!doc) set({ notice: 'No document is open.' });
    else if (!doc.document) set({ notice: `“${doc.name}” has errors that stop it from being read, so it cannot be saved or exported. Fix them in a text editor and open it again.` });
    else return doc as OpenDocument & { document: Topology };
    return null;
  };

  /** Marks the document saved as it was at `revision` (edits made meanwhile keep it dirty). */
  const markSaved = async (before: OpenDocument, revision: number, saved: { path: string | null; name: string; text: string }): Promise<void> => {
    const key = saved.path ?? before.key;
    set((s) =>
      s.doc?.key === before.key
        ? { doc: { ...s.doc, path: saved.path, name: saved.name, text: saved.text, key, dirty: s.doc.revision !== revision } }
        : {},
    );
    await autosaving;
    for (const stale of new Set([before.key, key])) {
      try {
        await api.discardAutosave({ key: stale });
      } catch (err) {
        set({ notice: `Saved, but the old autosave could not be removed: ${messageOf(err)}` });
      }
    }
  };

  const saveTo = async (doc: OpenDocument & { document: Topology }, path: string): Promise<void> => {
    const revision = doc.revision;
    const saved = await attempt('Saving…', `Could not save to ${path}`, () => api.saveDocument({ path, document: doc.document }));
    if (saved) await markSaved(doc, revision, saved);
  };

  return {
    save: async () => {
      const doc = savable();
      if (!doc) return;
      if (doc.path) await saveTo(doc, doc.path);
      else await get().saveAs();
    },
    saveAs: async () => {
      const doc = savable();
      if (!doc) return;
      const name = documentFileName(doc.name);
      if (platform.mode === 'desktop') {
        const picked = await attempt('Saving…', 'Could not ask where to save', () => api.pickSavePath({ suggestedName: name }));
        if (picked?.path) await saveTo(doc, picked.path);
        return;
      }
      const revision = doc.revision;
      const text = await attempt('Saving…', 'Could not prepare the download', () => api.serializeDocument({ document: doc.document }));
      if (text === undefined) return;
      platform.download(name, text, YAML_TYPE);
      // The file is the person's now; the app has no path for it (browsers do not tell).
      await markSaved(doc, revision, { path: doc.path, name, text });
    },
    exportAs: async (format) => {
      const doc = savable();
      if (!doc) return;
      if (platform.mode === 'desktop') {
        const picked = await attempt('Exporting…', 'Could not ask where to export', () => api.pickSavePath({ suggestedName: exportTargetName(format, doc.name) }));
        if (!picked?.path) return;
        const target = picked.path;
        const [written, preview] = await Promise.all([
          attempt('Exporting…', `Could not export to ${target}`, () => api.saveExport({ document: doc.document, format, path: target })),
          attempt('Exporting…', 'Could not read the export notes', () => api.exportDocument({ document: doc.document, format })),
        ]);
        if (written) set({ exportReport: { format, notes: preview?.notes ?? [], files: written.written, bundled: false } });
        return;
      }
      const result = await attempt('Exporting…', 'Could not export', () => api.exportDocument({ document: doc.document, format }));
      if (!result) return;
      if (result.folder) {
        platform.download(KUBERNETES_BUNDLE, bundleKubernetes(result.files), YAML_TYPE);
        set({ exportReport: { format, notes: result.notes, files: [KUBERNETES_BUNDLE], bundled: true } });
        return;
      }
      const files = Object.entries(result.files).map(([path, text]) => {
        const name = path.split('/').pop() ?? path;
        platform.download(name, text, YAML_TYPE);
        return name;
      });
      set({ exportReport: { format, notes: result.notes, files, bundled: false } });
    },
    autosaveNow: () => {
      const run = async (): Promise<void> => {
        const doc = get().doc;
        if (!doc?.document || !doc.dirty || doc.revision === doc.autosavedRevision) return;
        const { key, revision } = doc;
        try {
          const text = await api.serializeDocument({ document: doc.document });
          const { savedAt } = await api.autosaveDocument({ key, path: doc.path, name: doc.name, text });
          set((s) => (s.doc?.key === key ? { doc: { ...s.doc, autosavedRevision: revision, autosavedAt: savedAt, autosaveError: null } } : {}));
        } catch (err) {
          set((s) => (s.doc?.key === key ? { doc: { ...s.doc, autosaveError: messageOf(err) } } : {}));
        }
      };
      autosaving = autosaving.then(run);
      return autosaving;
    },
  };
}
