import type { StateCreator } from 'zustand/vanilla';
import { ContractError, type DevsimApi, type Finding, type OpenedDocument, type TemplateInfo } from '../../../src-preload/contract/index.js';
import type { AppState } from './app-store.js';
import type { DocumentPlatform } from './document-platform.js';
import { createSaveActions, type SaveActions } from './document-save.js';
import { fresh, type ExportReport, type ImportReport, type MetadataPatch, type OpenDocument, type RecoveryEntry } from './document-state.js';
import { moveEdit } from './edit-slice.js';
import { messageOf } from './errors.js';
import type { MenuCommand } from './notice-slice.js';

export interface DocumentSlice extends SaveActions {
  doc: OpenDocument | null;
  /** What the document actions are doing right now ("Saving…"); null when idle. */
  docBusy: string | null;
  templates: TemplateInfo[];
  templatesError: string | null;
  importReport: ImportReport | null;
  exportReport: ExportReport | null;
  /** Autosaves from an earlier session, offered for recovery. */
  recovery: RecoveryEntry[];
  /** A recent document that is gone from disk, with the host's message. */
  missingRecent: { path: string; message: string } | null;
  /** A file that was not opened (not a topology document) while another stayed open: the loader's findings. */
  openFailure: OpenFailure | null;
  loadTemplates(): Promise<void>;
  newFromTemplate(templateId: string): Promise<void>;
  /** Desktop: the native Open dialog; browser: a file picker. */
  open(): Promise<void>;
  /** `text` null: the file is not UTF-8 text (the browser read its bytes). */
  openText(name: string, text: string | null): Promise<void>;
  openPath(path: string): Promise<void>;
  importCompose(): Promise<void>;
  /** `text` null: the file is not UTF-8 text. */
  importComposeText(name: string, text: string | null): Promise<void>;
  close(): Promise<void>;
  editMetadata(patch: MetadataPatch): void;
  /** Puts a node at a canvas position (one edit per finished drag); unchanged positions are no edit. */
  moveNode(id: string, position: { x: number; y: number }): void;
  loadRecovery(): Promise<void>;
  restoreAutosave(key: string): Promise<void>;
  discardRecovery(key: string): Promise<void>;
  dismissMissingRecent(): void;
  dismissOpenFailure(): void;
  dismissReports(): void;
  /** Carries out a native menu item (File ▸ New, Open, …) or a document opened from the OS. */
  runMenuCommand(command: MenuCommand): void;
}

export const DOCUMENT_FILES = '.yaml,.yml,.json';

export interface OpenFailure {
  name: string;
  findings: Finding[];
  /** It reads like a docker-compose file: Import turns those into documents. */
  compose: boolean;
}

const looksLikeCompose = (text: string): boolean => /^services\s*:/m.test(text) && !/^apiVersion\s*:/m.test(text);
/** The loader's words for bytes that are not text, for a file the browser read. */
const notText = (name: string): OpenedDocument => ({
  path: null,
  name,
  text: '',
  findings: [{ severity: 'error', code: 'not-text', path: '', message: `${name} is not UTF-8 text; a topology document is YAML or JSON.` }],
});

export const createDocumentSlice =
  (api: DevsimApi, platform: DocumentPlatform): StateCreator<AppState, [], [], DocumentSlice> =>
  (set, get) => {
    /** True when nothing unsaved would be lost, or the person agreed to lose it. */
    const mayDiscard = (doing: string): boolean => {
      const doc = get().doc;
      return !doc?.dirty || platform.confirm(`“${doc.name}” has unsaved changes. ${doing} anyway and lose them?`);
    };
    /** Runs one host call with the busy marker; a failure becomes the notice and `undefined`. */
    const attempt = async <T>(busy: string, failed: string, op: () => Promise<T>): Promise<T | undefined> => {
      set({ docBusy: busy });
      try {
        return await op();
      } catch (err) {
        set({ notice: `${failed}: ${messageOf(err)}` });
        return undefined;
      } finally {
        set({ docBusy: null });
      }
    };
    const show = (opened: OpenedDocument, dirty: boolean, key = opened.path ?? platform.newKey()): void => {
      set({ doc: fresh(opened, dirty, key), importReport: null, exportReport: null, missingRecent: null, openFailure: null });
      get().navigate('topology');
    };
    /**
     * A file just read becomes the open document, unless it is no topology document at all while
     * another is open: then that one stays as it was (its unsaved changes too) and the loader's
     * findings are shown. Read first, ask after: nobody is asked to give up work for a broken file.
     */
    const take = (opened: OpenedDocument): void => {
      if (!opened.document && get().doc) {
        set({ openFailure: { name: opened.name, findings: opened.findings, compose: looksLikeCompose(opened.text) } });
        return;
      }
      if (mayDiscard('Open another document')) show(opened, false);
    };
    const save = createSaveActions(api, platform, set, get, attempt);

    return {
      ...save,
      doc: null,
      docBusy: null,
      templates: [],
      templatesError: null,
      importReport: null,
      exportReport: null,
      recovery: [],
      missingRecent: null,
      openFailure: null,
      loadTemplates: async () => {
        try {
          set({ templates: await api.listTemplates(), templatesError: null });
        } catch (err) {
          set({ templatesError: messageOf(err) });
        }
      },
      newFromTemplate: async (templateId) => {
        if (!mayDiscard('Start a new document')) return;
        const opened = await attempt('Creating…', 'Could not create the document', () => api.newFromTemplate({ templateId }));
        // Never saved, so it counts as unsaved work (and is autosaved).
        if (opened) show(opened, true);
      },
      open: async () => {
        if (platform.mode === 'browser') {
          // Picked first: the browser shows its picker only straight after the click.
          const file = await platform.pickFile(DOCUMENT_FILES);
          if (file) await get().openText(file.name, file.text);
          return;
        }
        const picked = await attempt('Opening…', 'Could not open the document', () => api.pickOpenPath());
        if (picked?.path) await openPath(picked.path);
      },
      openText: async (name, text) => {
        const opened = text === null ? notText(name) : await attempt('Opening…', `Could not open ${name}`, () => api.openDocumentText({ name, text }));
        if (opened) take(opened);
      },
      openPath: (path) => openPath(path),
      importCompose: async () => {
        // Both modes read the file in the page: the contract takes Compose as text.
        const file = await platform.pickFile('.yml,.yaml');
        if (file) await get().importComposeText(file.name, file.text);
      },
      importComposeText: async (name, text) => {
        if (text === null) return set({ notice: `Could not import ${name}: it is not UTF-8 text; a Compose file is YAML.` });
        if (!mayDiscard('Import')) return;
        const result = await attempt('Importing…', `Could not import ${name}`, () => api.importCompose({ name, text }));
        if (!result) return;
        const report: ImportReport = { name, findings: result.findings, unmapped: result.unmapped, opened: result.opened !== undefined };
        if (result.opened) show(result.opened, true);
        else get().navigate('topology');
        set({ importReport: report });
      },
      close: async () => {
        const doc = get().doc;
        if (!doc || !mayDiscard('Close')) return;
        set({ doc: null, importReport: null, exportReport: null });
        // The person chose to lose these changes; the autosave would only bring them back.
        if (doc.dirty) await attempt('Closing…', 'Could not discard the autosave', () => api.discardAutosave({ key: doc.key }));
      },
      editMetadata: (patch) => {
        get().applyEdit('Edit metadata', (d) => ({ ...d, metadata: { ...d.metadata, ...patch } }));
      },
      moveNode: (id, position) => get().applyEdit(`Move ${id}`, moveEdit(id, position)),
      loadRecovery: async () => {
        try {
          const list = await api.listAutosaves();
          const open = get().doc?.key;
          set({ recovery: list.filter((a) => a.key !== open) });
        } catch (err) {
          set({ notice: `Could not look for autosaved work: ${messageOf(err)}` });
        }
      },
      restoreAutosave: async (key) => {
        const entry = get().recovery.find((a) => a.key === key);
        if (!entry || !mayDiscard('Restore the autosave')) return;
        const opened = await attempt('Restoring…', `Could not restore ${entry.name}`, () => api.openDocumentText({ name: entry.name, text: entry.text }));
        if (!opened) return;
        // Still unsaved: the autosave stays until the person saves (or closes and discards).
        show({ ...opened, path: entry.path }, true, entry.key);
        set((s) => ({ recovery: s.recovery.filter((a) => a.key !== key) }));
      },
      discardRecovery: async (key) => {
        const left = await attempt('Discarding…', 'Could not discard the autosave', () => api.discardAutosave({ key }));
        if (left) set((s) => ({ recovery: s.recovery.filter((a) => a.key !== key) }));
      },
      dismissMissingRecent: () => set({ missingRecent: null }),
      dismissOpenFailure: () => set({ openFailure: null }),
      dismissReports: () => set({ importReport: null, exportReport: null }),
      runMenuCommand: ({ command, path }) => {
        const s = get();
        switch (command) {
          case 'newDocument':
            s.navigate('welcome'); // the template gallery
            return;
          case 'openDocument':
            void s.open();
            return;
          case 'openRecent':
            if (path) void s.openPath(path);
            return;
          case 'saveDocument':
          case 'saveDocumentAs':
          case 'closeDocument':
            if (!s.doc) set({ notice: 'No document is open.' });
            else if (command === 'saveDocument') void s.save();
            else if (command === 'saveDocumentAs') void s.saveAs();
            else void s.close();
            return;
        }
      },
    };

    async function openPath(path: string): Promise<void> {
      set({ docBusy: 'Opening…', missingRecent: null });
      try {
        const opened = await api.openDocument({ path });
        set({ docBusy: null });
        take(opened);
      } catch (err) {
        if (err instanceof ContractError && err.code === 'NOT_FOUND') set({ missingRecent: { path, message: err.message } });
        else set({ notice: `Could not open ${path}: ${messageOf(err)}` });
      } finally {
        set({ docBusy: null });
      }
    }
  };
