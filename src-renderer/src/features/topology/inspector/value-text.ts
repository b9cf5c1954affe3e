import type { ListSpec, NumberSpec } from './schema-walk.js';

/** What a typed text means for a field: a value, "leave it out" (unset), or why it is not one. */
export type Parsed = { value: unknown } | { unset: true } | { error: string };

const bound = (n: number, unit: string | undefined): string => `${n}${unit !== undefined && unit !== '0–1' ? ` ${unit}` : ''}`;

/** A number field's text: empty leaves it out (default or none), otherwise a number within the field's bounds. */
export function parseNumber(text: string, spec: NumberSpec): Parsed {
  const t = text.trim();
  if (t === '') {
    if (spec.nullable) return { value: null };
    return spec.required ? { error: 'A number is required here.' } : { unset: true };
  }
  const n = Number(t);
  if (!Number.isFinite(n) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return { error: `"${t}" is not a number.` };
  if (spec.integer && !Number.isInteger(n)) return { error: 'Enter a whole number.' };
  if (spec.min !== undefined && (spec.minExclusive ? n <= spec.min : n < spec.min)) {
    return { error: `Must be ${spec.minExclusive ? 'more than' : 'at least'} ${bound(spec.min, spec.unit)}.` };
  }
  if (spec.max !== undefined && (spec.maxExclusive ? n >= spec.max : n > spec.max)) {
    return { error: `Must be ${spec.maxExclusive ? 'less than' : 'at most'} ${bound(spec.max, spec.unit)}.` };
  }
  return { value: n };
}

/** The range hint beside a number field: `1–10,000`, `> 0`, `≤ 100`. */
export function rangeHint(spec: NumberSpec): string | null {
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const { min, max } = spec;
  if (min !== undefined && max !== undefined && !spec.minExclusive && !spec.maxExclusive) return `${fmt(min)}–${fmt(max)}`;
  const parts = [
    min !== undefined ? `${spec.minExclusive ? '>' : '≥'} ${fmt(min)}` : null,
    max !== undefined ? `${spec.maxExclusive ? '<' : '≤'} ${fmt(max)}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** A list of numbers or texts, one per line; blank lines are dropped; empty leaves an optional list out. */
export function parseList(text: string, spec: ListSpec): Parsed {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0 && !spec.required && spec.fallback === undefined) return { unset: true };
  if (spec.item === 'text' || spec.item === 'choice') return { value: lines };
  const values: number[] = [];
  for (const [i, line] of lines.entries()) {
    const n = Number(line);
    if (!Number.isFinite(n)) return { error: `Line ${i + 1}: "${line}" is not a number.` };
    if (spec.item === 'integer' && !Number.isInteger(n)) return { error: `Line ${i + 1}: enter a whole number.` };
    values.push(n);
  }
  return { value: values };
}

/** JSON text of a structured value; empty leaves an optional one out. */
export function parseJson(text: string, required: boolean): Parsed {
  if (text.trim() === '') return required ? { error: 'A value is required here.' } : { unset: true };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
}

/** How a value reads in a text field. */
export const textOf = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value));
