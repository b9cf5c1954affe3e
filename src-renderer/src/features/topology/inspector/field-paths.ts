import { formatPath } from '../../../../../src-preload/contract/index.js';
import type { FieldPath } from '../../../stores/field-edits.js';
import { itemForm, type FieldSpec } from './schema-walk.js';

/** What the inspector shows: a node, a link (by index) or a group. */
/** What the inspector shows: a node, a link, a group, or a whole section of the document (the scenario, the environment's settings). */
export type InspectorTarget = { type: 'node'; id: string } | { type: 'link'; index: number } | { type: 'group'; id: string } | { type: 'section'; section: DocumentSection };

export type DocumentSection = 'scenario' | 'settings';

/** Reads a path as `formatPath` writes it (`nodes.api.ports[0]`, `nodes["a b"].x`) back into segments; null when it is not one. */
export function parsePath(text: string): FieldPath | null {
  const out: (string | number)[] = [];
  const step = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < text.length) {
    step.lastIndex = at;
    const m = step.exec(text);
    if (!m || (m[0].startsWith('.') && at === 0)) return null;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]!) as string);
    at = step.lastIndex;
  }
  return out;
}

/** The node, link or group a finding's path points into; null for document-level paths (metadata, scenario, settings, ''). */
export function targetOfPath(path: string): InspectorTarget | null {
  const [section, key] = parsePath(path) ?? [];
  if (section === 'nodes' && typeof key === 'string') return { type: 'node', id: key };
  if (section === 'groups' && typeof key === 'string') return { type: 'group', id: key };
  if (section === 'links' && typeof key === 'number') return { type: 'link', index: key };
  if (section === 'scenario' || section === 'settings') return { type: 'section', section };
  return null;
}

export function targetPath(t: InspectorTarget): FieldPath {
  if (t.type === 'link') return ['links', t.index];
  if (t.type === 'section') return [t.section];
  return [t.type === 'node' ? 'nodes' : 'groups', t.id];
}

/**
 * The field that shows a finding: the deepest of `fields` (formatted paths) that is `path` or
 * contains it (`nodes.api.ports` shows `nodes.api.ports[0].hostPort`); null when none does.
 */
export function fieldForPath(fields: Iterable<string>, path: string): string | null {
  let best: string | null = null;
  for (const field of fields) {
    const inside = path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
    if (inside && (best === null || field.length > best.length)) best = field;
  }
  return best;
}

const tagValue = (value: unknown, tag: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[tag] : undefined);

/** The variant of a tagged union the value is, or its default's, or the first. */
export function currentVariant(spec: Extract<FieldSpec, { kind: 'variants' }>, value: unknown): Extract<FieldSpec, { kind: 'variants' }>['variants'][number] {
  const tag = tagValue(value, spec.tag) ?? tagValue(spec.fallback, spec.tag);
  return spec.variants.find((v) => v.tag === tag) ?? spec.variants[0]!;
}

/** The formatted paths of the fields the form shows for `value` (the current variant's only). */
export function visibleFieldPaths(spec: FieldSpec, value: unknown): string[] {
  const child = (key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);
  const own = formatPath(spec.path);
  // An optional section that is not there is one JSON field (see FieldView).
  if (value === undefined) return [own];
  if (spec.kind === 'object') return [own, ...spec.fields.flatMap((f) => visibleFieldPaths(f, child(f.key)))];
  if (spec.kind === 'items') return [own, ...(Array.isArray(value) ? value.flatMap((v, i) => visibleFieldPaths(itemForm(spec, i), v)) : [])];
  if (spec.kind === 'variants') return [own, ...currentVariant(spec, value).fields.flatMap((f) => visibleFieldPaths(f, child(f.key)))];
  return [own];
}
