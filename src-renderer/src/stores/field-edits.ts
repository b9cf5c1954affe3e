import type { z } from 'zod';
import {
  environmentSettingsSchema,
  formatPath,
  groupSchema,
  linkSchema,
  metadataSchema,
  nodeSchema,
  scenarioSchema,
  type Topology,
} from '../../../src-preload/contract/index.js';

/** A field's place in the document, as the validator names it: `['nodes', 'api', 'scaling', 'maxReplicas']`. */
export type FieldPath = readonly (string | number)[];

/** Why a value was refused, placed at the field it concerns (a formatted path such as `nodes.api.replicas`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export type FieldEdit = { doc: Topology } | { refused: FieldIssue[] };

/** The part of the document a field belongs to, which is parsed whole after each edit: a node, a link, a group or a section. */
function entityOf(path: FieldPath): { at: FieldPath; schema: z.ZodType } | null {
  const [section, key] = path;
  if (section === 'nodes' && typeof key === 'string') return { at: ['nodes', key], schema: nodeSchema };
  if (section === 'groups' && typeof key === 'string') return { at: ['groups', key], schema: groupSchema };
  if (section === 'links' && typeof key === 'number') return { at: ['links', key], schema: linkSchema };
  if (section === 'metadata') return { at: ['metadata'], schema: metadataSchema };
  if (section === 'scenario') return { at: ['scenario'], schema: scenarioSchema };
  if (section === 'settings') return { at: ['settings'], schema: environmentSettingsSchema };
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path`, or undefined where the path leads nowhere. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let at = root;
  for (const key of path) {
    if (Array.isArray(at) && typeof key === 'number') at = at[key];
    else if (isObject(at) && typeof key === 'string') at = Object.hasOwn(at, key) ? at[key] : undefined;
    else return undefined;
  }
  return at;
}

/** A copy of `root` with `path` set to `value` (or removed, for undefined); containers on the way are created. */
function withValue(root: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof key === 'number') {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    if (rest.length === 0 && value === undefined) list.splice(key, 1);
    else list[key] = withValue(list[key], rest, value);
    return list;
  }
  const obj = isObject(root) ? { ...root } : {};
  const next = withValue(obj[key], rest, value);
  if (next === undefined) delete obj[key];
  else obj[key] = next;
  return obj;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The document with one field changed, its node (link, group, section) parsed again by the
 * contract's schema so defaults fill in; or why the value does not fit, at the field it concerns.
 * An edit that changes nothing returns the same document, so it becomes no command.
 */
export function editField(doc: Topology, path: FieldPath, value: unknown): FieldEdit {
  const entity = entityOf(path);
  const before = entity ? valueAt(doc, entity.at) : undefined;
  if (!entity || before === undefined) return { refused: [{ path: formatPath(path), message: `${formatPath(path)} is not a field of this document.` }] };
  const candidate = withValue(before, path.slice(entity.at.length), value);
  const parsed = entity.schema.safeParse(candidate);
  if (!parsed.success) {
    return { refused: parsed.error.issues.map((issue) => ({ path: formatPath([...entity.at, ...issue.path]), message: issue.message })) };
  }
  if (same(parsed.data, before)) return { doc };
  return { doc: withValue(doc, entity.at, parsed.data) as Topology };
}

/** Sets the field at `path` to `value`. */
export const setField = (doc: Topology, path: FieldPath, value: unknown): FieldEdit => editField(doc, path, value);

/** Removes the field at `path`: a field with a default gets its default back, an optional one is gone. */
export const unsetField = (doc: Topology, path: FieldPath): FieldEdit => editField(doc, path, undefined);

/** The command label people see in the history: `Set api.scaling.maxReplicas`. */
export const fieldEditLabel = (path: FieldPath, unset = false): string => `${unset ? (typeof path.at(-1) === 'number' ? 'Remove' : 'Reset') : 'Set'} ${formatPath(path[0] === 'nodes' || path[0] === 'groups' ? path.slice(1) : path)}`;

/** What the store needs to run a field edit as a command. */
interface Editor {
  doc: { document?: Topology | undefined } | null;
  applyEdit(label: string, change: (doc: Topology) => Topology): void;
}

/** Runs a field edit through the edit history (undoable, re-validated); the issues when refused, else an empty list. */
export function commitFieldEdit(editor: Editor, path: FieldPath, value: unknown, unset = false): FieldIssue[] {
  const doc = editor.doc?.document;
  if (!doc) return [{ path: formatPath(path), message: 'No document is open.' }];
  const result = unset ? unsetField(doc, path) : setField(doc, path, value);
  if ('refused' in result) return result.refused;
  editor.applyEdit(fieldEditLabel(path, unset), () => result.doc);
  return [];
}
