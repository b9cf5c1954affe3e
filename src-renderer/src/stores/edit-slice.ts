import type { StateCreator } from 'zustand/vanilla';
import { validateTopology, type LinkType, type NodeKind, type Topology } from '../../../src-preload/contract/index.js';
import type { AppState } from './app-store.js';
import { commitFieldEdit, type FieldIssue, type FieldPath } from './field-edits.js';
import { copyNodes, pasteNodes, PASTE_OFFSET, type Clipboard, type PastePlace } from './clipboard-edits.js';
import { addLink, addNode, deleteItems, moveNodesTo, moveNodeTo, placeNodes, type Point } from './topology-edits.js';

/** One edit of the open document: the document before it (its inverse) and after it. */
export interface EditCommand {
  label: string;
  before: Topology;
  after: Topology;
}

export interface EditHistory {
  undo: EditCommand[];
  redo: EditCommand[];
  /** The document as it was when it last had no unsaved changes; undoing back to it clears the dirty marker. */
  clean: Topology | null;
}

export const HISTORY_LIMIT = 200;

export interface EditSlice {
  history: EditHistory;
  /** Why the last connect was refused, for the canvas to show; null when it was not. */
  editRefusal: string | null;
  /** Applies one edit as a command (undoable); an edit that changes nothing is no command. */
  applyEdit(label: string, change: (doc: Topology) => Topology): void;
  /** Adds a node of `kind` at `position`; returns its id (null without a document). */
  addNodeAt(kind: NodeKind, position: { x: number; y: number }): string | null;
  /** Links `from` to `to` (the type: the usual one for the two kinds); false, with the reason in `editRefusal`, when refused. */
  connect(from: string, to: string, type?: LinkType): boolean;
  /** Deletes nodes (with their links) and links (by index) as one command. */
  deleteSelection(nodeIds: readonly string[], linkIndexes?: readonly number[]): void;
  /** Moves several nodes as one command (a dragged selection, align, distribute, auto-layout). */
  moveNodes(positions: ReadonlyMap<string, Point>, label: string): void;
  /** Moves nodes and sets their group (null: none) as one command: a drop into or out of a frame. */
  placeNodes(moves: ReadonlyMap<string, { position: Point; group: string | null }>, label: string): void;
  /** What the last copy took (in-app clipboard); null before any. */
  clipboard: Clipboard | null;
  /** Copies nodes (at their drawn positions) and the links among them; returns the copy (null: no node). */
  copyNodes(ids: Iterable<string>, drawnAt: ReadonlyMap<string, Point>): Clipboard | null;
  /** Pastes `clip` (default: the in-app clipboard) as one command, in the groups `groupAt` finds (see pasteNodes); returns the new ids. */
  paste(place: PastePlace, clip?: Clipboard, groupAt?: (topLeft: Point) => string | null): string[];
  /** Copies and pastes at an offset in one command, leaving the clipboard alone; returns the new ids. */
  duplicate(ids: Iterable<string>, drawnAt: ReadonlyMap<string, Point>): string[];
  /** Sets one field (a command); the issues, at their fields, when the value does not fit (the document is then unchanged). */
  setField(path: FieldPath, value: unknown): FieldIssue[];
  /** Resets one field to its default, or removes an optional one (a command). */
  unsetField(path: FieldPath): FieldIssue[];
  undo(): void;
  redo(): void;
  dismissRefusal(): void;
  /** Shows why a canvas operation could not be done (the same place as a refused link). */
  refuseEdit(reason: string): void;
}

const EMPTY: EditHistory = { undo: [], redo: [], clean: null };

export const createEditSlice: StateCreator<AppState, [], [], EditSlice> = (set, get) => {
  /** Shows `document` as the open one: findings refreshed, dirty, a new revision for autosave. */
  const show = (document: Topology, history: EditHistory): void => {
    const doc = get().doc;
    if (!doc) return;
    const dirty = document !== history.clean;
    set({ doc: { ...doc, document, findings: validateTopology(document), dirty, revision: doc.revision + 1 }, history, editRefusal: null });
  };
  /** The history, or an empty one when the open document is not where the history left it (another document opened). */
  const current = (): EditHistory => {
    const { history, doc } = get();
    const top = history.undo.at(-1) ?? history.redo.at(-1);
    if (!top || !doc?.document) return EMPTY;
    const at = history.undo.at(-1)?.after ?? history.redo.at(-1)!.before;
    return at === doc.document ? history : EMPTY;
  };

  /** A save since the last edit makes the current document the clean one. */
  const cleanNow = (h: EditHistory): Topology | null => (get().doc?.dirty === false ? (get().doc?.document ?? null) : h.clean);

  return {
    history: EMPTY,
    editRefusal: null,
    applyEdit: (label, change) => {
      const before = get().doc?.document;
      if (!before) return;
      const after = change(before);
      if (after === before) return;
      const h = current();
      const clean = get().doc?.dirty === false ? before : h.clean;
      show(after, { undo: [...h.undo, { label, before, after }].slice(-HISTORY_LIMIT), redo: [], clean });
    },
    addNodeAt: (kind, position) => {
      const doc = get().doc?.document;
      if (!doc) return null;
      const added = addNode(doc, kind, position);
      get().applyEdit(`Add ${added.id}`, () => added.doc);
      return added.id;
    },
    connect: (from, to, type) => {
      const doc = get().doc?.document;
      if (!doc) return false;
      const result = addLink(doc, from, to, type);
      if ('refused' in result) {
        set({ editRefusal: result.refused });
        return false;
      }
      get().applyEdit(`Link ${from} → ${to}`, () => result.doc);
      return true;
    },
    deleteSelection: (nodeIds, linkIndexes = []) => get().applyEdit('Delete', (d) => deleteItems(d, nodeIds, linkIndexes)),
    moveNodes: (positions, label) => get().applyEdit(label, (d) => moveNodesTo(d, positions)),
    placeNodes: (moves, label) => get().applyEdit(label, (d) => placeNodes(d, moves)),
    clipboard: null,
    copyNodes: (ids, drawnAt) => {
      const doc = get().doc?.document;
      const clip = doc ? copyNodes(doc, ids, drawnAt) : null;
      if (clip) set({ clipboard: clip });
      return clip;
    },
    paste: (place, clip = get().clipboard ?? undefined, groupAt) => {
      const doc = get().doc?.document;
      if (!doc || !clip) return [];
      const pasted = pasteNodes(doc, clip, place, groupAt);
      if (pasted.ids.length === 0) return [];
      get().applyEdit(pasted.ids.length === 1 ? `Paste ${pasted.ids[0]}` : `Paste ${pasted.ids.length} nodes`, () => pasted.doc);
      return pasted.ids;
    },
    duplicate: (ids, drawnAt) => {
      const doc = get().doc?.document;
      const clip = doc ? copyNodes(doc, ids, drawnAt) : null;
      return clip ? get().paste({ offset: { x: PASTE_OFFSET, y: PASTE_OFFSET } }, clip) : [];
    },
    setField: (path, value) => commitFieldEdit(get(), path, value),
    unsetField: (path) => commitFieldEdit(get(), path, undefined, true),
    undo: () => {
      const h = current();
      const cmd = h.undo.at(-1);
      if (!cmd) return;
      show(cmd.before, { ...h, undo: h.undo.slice(0, -1), redo: [...h.redo, cmd], clean: cleanNow(h) });
    },
    redo: () => {
      const h = current();
      const cmd = h.redo.at(-1);
      if (!cmd) return;
      show(cmd.after, { ...h, undo: [...h.undo, cmd], redo: h.redo.slice(0, -1), clean: cleanNow(h) });
    },
    dismissRefusal: () => set({ editRefusal: null }),
    refuseEdit: (reason) => set({ editRefusal: reason }),
  };
};

export const moveEdit = (id: string, position: { x: number; y: number }) => (doc: Topology): Topology => moveNodeTo(doc, id, position);
