// Every shortcut of the editor, once: the key handler matches against this list and the help overlay prints it.
import type { Alignment, Axis } from './arrange.js';

export type CanvasAction =
  | 'undo'
  | 'redo'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'select-all'
  | 'auto-layout'
  | 'help'
  | `align-${Alignment}`
  | `distribute-${Axis}`;

interface Keys {
  /** `KeyboardEvent.key` (any case), or `code` where Alt changes the key (⌥ on macOS types other letters). */
  code?: string;
  key?: string;
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/** A key combination that runs an action. */
export interface KeyShortcut {
  kind: 'key';
  action: CanvasAction;
  what: string;
  keys: Keys[];
}

/** A mouse gesture or a key React Flow itself handles (its props are set from these entries). */
export interface GestureShortcut {
  kind: 'gesture';
  what: string;
  shown: string;
}

export type Shortcut = KeyShortcut | GestureShortcut;

/** The keys React Flow deletes the selection with. */
export const DELETE_KEYS = ['Delete', 'Backspace'];
/** Held while clicking: adds a node to the selection; held while dragging on empty canvas: draws a selection box. */
export const SELECT_KEY = 'Shift';

const ctrl = (key: string, more: Omit<Keys, 'key' | 'ctrl'> = {}): Keys => ({ key, ctrl: true, ...more });
const altShift = (code: string): Keys => ({ code, alt: true, shift: true });

export const SHORTCUTS: readonly Shortcut[] = [
  { kind: 'key', action: 'undo', what: 'Undo', keys: [ctrl('z')] },
  { kind: 'key', action: 'redo', what: 'Redo', keys: [ctrl('z', { shift: true }), ctrl('y')] },
  { kind: 'key', action: 'copy', what: 'Copy the selected nodes (and the links among them)', keys: [ctrl('c')] },
  { kind: 'key', action: 'paste', what: 'Paste at the pointer (or beside the originals)', keys: [ctrl('v')] },
  { kind: 'key', action: 'duplicate', what: 'Duplicate the selected nodes', keys: [ctrl('d')] },
  { kind: 'key', action: 'select-all', what: 'Select every node', keys: [ctrl('a')] },
  { kind: 'gesture', what: 'Delete the selected nodes and links', shown: DELETE_KEYS.join(' or ') },
  { kind: 'gesture', what: 'Add a node to the selection, or take it out', shown: `${SELECT_KEY}+click` },
  { kind: 'gesture', what: 'Select the nodes inside a box', shown: `${SELECT_KEY}+drag on empty canvas` },
  { kind: 'gesture', what: 'Move the selection (as one edit); drop a node in a frame to put it in that group', shown: 'Drag' },
  { kind: 'gesture', what: 'Move a cloud, region or zone with its members', shown: 'Drag the frame title' },
  { kind: 'gesture', what: 'Nudge the selected nodes (a burst of presses is one edit)', shown: 'Arrow keys on a selected node' },
  { kind: 'key', action: 'auto-layout', what: 'Auto-layout (layered, following the calls)', keys: [ctrl('l', { shift: true })] },
  { kind: 'key', action: 'align-left', what: 'Align left edges', keys: [altShift('KeyL')] },
  { kind: 'key', action: 'align-center', what: 'Align centres (vertical line)', keys: [altShift('KeyC')] },
  { kind: 'key', action: 'align-right', what: 'Align right edges', keys: [altShift('KeyR')] },
  { kind: 'key', action: 'align-top', what: 'Align top edges', keys: [altShift('KeyT')] },
  { kind: 'key', action: 'align-middle', what: 'Align middles (horizontal line)', keys: [altShift('KeyM')] },
  { kind: 'key', action: 'align-bottom', what: 'Align bottom edges', keys: [altShift('KeyB')] },
  { kind: 'key', action: 'distribute-horizontal', what: 'Distribute horizontally (3 or more)', keys: [altShift('KeyH')] },
  { kind: 'key', action: 'distribute-vertical', what: 'Distribute vertically (3 or more)', keys: [altShift('KeyV')] },
  { kind: 'key', action: 'help', what: 'Show this list of shortcuts', keys: [{ key: '?' }] },
  { kind: 'gesture', what: 'Close this list', shown: 'Esc' },
];

const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** How a key combination is written for people: Ctrl+Shift+Z (⌘ on macOS). */
export function keysLabel(k: Keys): string {
  const parts: string[] = [];
  if (k.ctrl) parts.push(isMac() ? '⌘' : 'Ctrl');
  if (k.alt) parts.push(isMac() ? '⌥' : 'Alt');
  if (k.shift) parts.push('Shift');
  parts.push(k.code !== undefined ? k.code.replace(/^Key/, '') : k.key!.length === 1 ? k.key!.toUpperCase() : k.key!);
  return parts.join('+');
}

/** The label of an action's first key combination, for buttons' tooltips. */
export function shortcutOf(action: CanvasAction): string {
  const s = SHORTCUTS.find((x): x is KeyShortcut => x.kind === 'key' && x.action === action);
  return s ? keysLabel(s.keys[0]!) : '';
}

/** The action a key press asks for; null when none (modifiers must match exactly; ⌘ counts as Ctrl). */
export function actionOf(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): CanvasAction | null {
  const ctrlHeld = e.ctrlKey || e.metaKey;
  for (const s of SHORTCUTS) {
    if (s.kind !== 'key') continue;
    for (const k of s.keys) {
      const hit = k.code !== undefined ? e.code === k.code : e.key.toLowerCase() === k.key!.toLowerCase();
      // `?` is Shift+/ on most layouts: its Shift is part of the key, not a modifier to match.
      const shiftOk = k.key === '?' || e.shiftKey === (k.shift ?? false);
      if (hit && shiftOk && ctrlHeld === (k.ctrl ?? false) && e.altKey === (k.alt ?? false)) return s.action;
    }
  }
  return null;
}
