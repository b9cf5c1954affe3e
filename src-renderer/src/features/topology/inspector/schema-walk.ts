import { z } from 'zod';
import type { FieldPath } from '../../../stores/field-edits.js';

/** The part of a JSON Schema the form reads (zod's `toJSONSchema` output, plus our `unit`). */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  unit?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxLength?: number;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

interface Base {
  key: string;
  /** Where the field's value lives in the document. */
  path: FieldPath;
  label: string;
  help: string | undefined;
  unit: string | undefined;
  /** What the contract fills in when the field is left out (undefined: nothing). */
  fallback: unknown;
  /** Must be given (no default, not optional). */
  required: boolean;
}

export type NumberSpec = Base & { kind: 'number'; integer: boolean; min?: number; max?: number; minExclusive: boolean; maxExclusive: boolean; nullable: boolean };
export type TextSpec = Base & { kind: 'text'; maxLength?: number; pattern?: string };
export type ChoiceSpec = Base & { kind: 'choice'; options: string[] };
export type ObjectSpec = Base & { kind: 'object'; fields: FieldSpec[] };
export type VariantsSpec = Base & { kind: 'variants'; tag: string; variants: { tag: string; fields: FieldSpec[] }[] };
/** A list of simple values: numbers or text one per line, choices as checkboxes. */
export type ListSpec = Base & { kind: 'list'; item: 'number' | 'integer' | 'text' } | (Base & { kind: 'list'; item: 'choice'; options: string[] });
/** A list of objects (ports, topics, request classes): one section per item, each walked from `item` at its index. */
export type ItemsSpec = Base & { kind: 'items'; item: JsonSchema };
export type FieldSpec =
  | ItemsSpec
  | NumberSpec
  | TextSpec
  | ChoiceSpec
  | ObjectSpec
  | VariantsSpec
  | ListSpec
  | (Base & { kind: 'boolean' })
  /** A discriminator or other constant: shown, not edited. */
  | (Base & { kind: 'fixed'; value: unknown })
  /** Structured values without a form of their own (maps, lists of objects): edited as JSON. */
  | (Base & { kind: 'json' })
  | (Base & { kind: 'unknown'; schema: JsonSchema });

const ACRONYMS: Record<string, string> = { cpu: 'CPU', ttl: 'TTL', http: 'HTTP', rps: 'RPS', env: 'Environment', lb: 'LB', ml: 'ML' };
const UNIT_SUFFIX = /(?<=[a-z])(Ms|S|MiB|GiB|Percent|Rps|Days)$/;

/** `scaleDownStabilizationS` → `Scale down stabilization` (the unit is shown apart). */
export function fieldLabel(key: string, unit?: string): string {
  const stem = unit !== undefined ? key.replace(UNIT_SUFFIX, '') : key;
  const words = stem.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(' ');
  const text = words.map((w) => ACRONYMS[w] ?? w).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const typesOf = (s: JsonSchema): string[] => (s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]);
const isNull = (s: JsonSchema): boolean => typesOf(s).length === 1 && typesOf(s)[0] === 'null';

/** The property all members of a `oneOf` fix to a different constant, e.g. `type` or `policy`. */
function tagOf(members: JsonSchema[]): string | null {
  const first = members[0]?.properties;
  if (!first) return null;
  for (const [key, prop] of Object.entries(first)) {
    if (prop.const === undefined) continue;
    const values = members.map((m) => m.properties?.[key]?.const);
    if (values.every((v) => typeof v === 'string') && new Set(values).size === members.length) return key;
  }
  return null;
}

function objectFields(schema: JsonSchema, path: FieldPath): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, prop]) => walkSchema(prop, key, [...path, key], required.has(key)));
}

/**
 * The form field for one JSON Schema node. Every shape the topology contract produces maps to
 * a field kind; anything else comes back as `unknown`, which a unit test keeps from happening.
 */
export function walkSchema(schema: JsonSchema, key: string, path: FieldPath, required: boolean): FieldSpec {
  // A nullable value (`anyOf: [X, null]`): the field of X, with null allowed.
  const nonNull = schema.anyOf?.filter((s) => !isNull(s));
  if (schema.anyOf && nonNull?.length === 1 && nonNull.length < schema.anyOf.length) {
    const { anyOf: _members, ...outer } = schema;
    const inner = walkSchema({ ...nonNull[0], ...outer }, key, path, required);
    return inner.kind === 'number' ? { ...inner, nullable: true } : inner;
  }
  const unit = schema.unit;
  const base: Base = { key, path, label: fieldLabel(key, unit), help: schema.description, unit, fallback: schema.default, required };
  const types = typesOf(schema);
  const main = types.filter((t) => t !== 'null');
  if (schema.const !== undefined) return { ...base, kind: 'fixed', value: schema.const };
  if (schema.enum !== undefined && schema.enum.every((v) => typeof v === 'string')) return { ...base, kind: 'choice', options: schema.enum as string[] };
  if (main.length === 1 && (main[0] === 'number' || main[0] === 'integer')) {
    const minExclusive = schema.exclusiveMinimum !== undefined;
    const maxExclusive = schema.exclusiveMaximum !== undefined;
    const min = schema.exclusiveMinimum ?? schema.minimum;
    const max = schema.exclusiveMaximum ?? schema.maximum;
    return {
      ...base,
      kind: 'number',
      integer: main[0] === 'integer',
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      minExclusive,
      maxExclusive,
      nullable: types.includes('null'),
    };
  }
  if (main.length === 1 && main[0] === 'string') {
    return { ...base, kind: 'text', ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}), ...(schema.pattern !== undefined ? { pattern: schema.pattern } : {}) };
  }
  if (main.length === 1 && main[0] === 'boolean') return { ...base, kind: 'boolean' };
  if (schema.oneOf !== undefined) {
    const tag = tagOf(schema.oneOf);
    if (tag === null) return { ...base, kind: 'json' };
    const variants = schema.oneOf.map((member) => ({ tag: member.properties![tag]!.const as string, fields: objectFields(member, path) }));
    return { ...base, kind: 'variants', tag, variants };
  }
  if (main.length === 1 && main[0] === 'array' && schema.items) {
    const item = walkSchema(schema.items, key, path, true);
    if (item.kind === 'choice') return { ...base, kind: 'list', item: 'choice', options: item.options };
    if (item.kind === 'number') return { ...base, kind: 'list', item: item.integer ? 'integer' : 'number' };
    if (item.kind === 'text') return { ...base, kind: 'list', item: 'text' };
    if (item.kind === 'object') return { ...base, kind: 'items', item: schema.items };
    return { ...base, kind: 'json' };
  }
  if (main.length === 1 && main[0] === 'object') {
    // A map (`additionalProperties` is a schema) has no fixed fields: JSON. A fixed object: a section.
    if (schema.properties === undefined || typeof schema.additionalProperties === 'object') return { ...base, kind: 'json' };
    return { ...base, kind: 'object', fields: objectFields(schema, path) };
  }
  // A union of differently shaped values (e.g. an id or "*"), or anything at all (`{}`): JSON.
  if (schema.anyOf !== undefined || Object.keys(schema).filter((k) => k !== 'description' && k !== 'default').length === 0) return { ...base, kind: 'json' };
  return { ...base, kind: 'unknown', schema };
}

const cache = new WeakMap<z.ZodType, JsonSchema>();

/** The input JSON Schema of a contract schema (defaults optional, our `unit` kept), made once per schema. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  let json = cache.get(schema);
  if (json === undefined) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
    cache.set(schema, json);
  }
  return json;
}

const forms = new WeakMap<z.ZodType, Map<string, FieldSpec>>();

/** The form of an entity (a node kind, links, groups) at `path` in the document; the same object each time it is asked for. */
export function formOf(schema: z.ZodType, path: FieldPath): FieldSpec {
  const byPath = forms.get(schema) ?? new Map<string, FieldSpec>();
  forms.set(schema, byPath);
  const key = JSON.stringify(path);
  let form = byPath.get(key);
  if (form === undefined) {
    form = walkSchema(jsonSchemaOf(schema), String(path.at(-1) ?? ''), path, true);
    byPath.set(key, form);
  }
  return form;
}

/** Every field of a form, nested ones and those of every variant included (for tests and focus lookups). */
/** The form of item `index` of a list of objects. */
export const itemForm = (spec: ItemsSpec, index: number): FieldSpec => walkSchema(spec.item, `${spec.key} ${index + 1}`, [...spec.path, index], true);

export function allFields(spec: FieldSpec): FieldSpec[] {
  if (spec.kind === 'items') return [spec, ...allFields(itemForm(spec, 0))];
  if (spec.kind === 'object') return [spec, ...spec.fields.flatMap(allFields)];
  if (spec.kind === 'variants') return [spec, ...spec.variants.flatMap((v) => v.fields.flatMap(allFields))];
  return [spec];
}

/** A first value for a required field: the lowest it may be, the first choice, empty. */
export function firstValue(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'number':
      return spec.min === undefined ? 0 : spec.minExclusive ? spec.min + 1 : spec.min;
    case 'choice':
      return spec.options[0];
    case 'boolean':
      return false;
    case 'list':
    case 'items':
      return [];
    case 'fixed':
      return spec.value;
    case 'variants':
      return starterValue(spec, spec.variants[0]!.tag, undefined);
    case 'object':
      return Object.fromEntries(spec.fields.filter((f) => f.required && f.fallback === undefined).map((f) => [f.key, firstValue(f)]));
    case 'text':
      // A name that fits most patterns (a Kafka topic, a consumer group); the validator says if it names nothing.
      return spec.key.toLowerCase();
    default:
      return undefined;
  }
}

/**
 * The value a tagged union starts from when its tag changes to `tag`: what the old value had
 * that the new variant also has (a mean stays a mean), a first value for what it requires; the
 * contract fills in the defaults.
 */
export function starterValue(spec: VariantsSpec, tag: string, old: unknown): Record<string, unknown> {
  const variant = spec.variants.find((v) => v.tag === tag) ?? spec.variants[0]!;
  const before = typeof old === 'object' && old !== null ? (old as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { [spec.tag]: variant.tag };
  for (const f of variant.fields) {
    if (f.key === spec.tag) continue;
    if (f.key in before && before[f.key] !== undefined) out[f.key] = before[f.key];
    else if (f.required && f.fallback === undefined) out[f.key] = firstValue(f);
  }
  return out;
}
