// What the importer could not map goes into the document's `imported` section, verbatim, so
// nothing is dropped silently. Whole service fields and top-level sections are marked so the
// compose export can write them back; fields that point at files next to the source (build
// contexts, env files, includes) are kept for reading only, since the export lives elsewhere.
import type { Imported } from '../../src-preload/contract/topology/index.js';
import type { Unmapped } from './finding.js';
import { KNOWN_SERVICE_KEYS, KNOWN_TOP_KEYS } from './import-compose-keys.js';

/** Fields that name files relative to the source file, or that the import already applied. */
const NOT_RESTORED = new Set(['version', 'name', 'services', 'include', 'build', 'env_file', 'label_file', 'extends']);

const restorable = (key: string, known: ReadonlySet<string>): boolean => !NOT_RESTORED.has(key) && (known.has(key) || key.startsWith('x-'));

type Json = Imported['unmapped'][number]['value'];

/**
 * A JSON copy of a YAML value: no undefined, no shared references. YAML aliases can make a
 * value contain itself; the loop is cut with a note instead of recursing forever.
 */
function asJson(value: unknown, ancestors: object[] = []): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object') return null;
  if (ancestors.includes(value) || ancestors.length > 64) return '[a YAML alias that refers to itself]';
  const inner = [...ancestors, value];
  if (Array.isArray(value)) return value.map((v) => asJson(v, inner));
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) Object.defineProperty(out, k, { value: asJson(v, inner), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function keepUnmapped(unmapped: readonly Unmapped[], ids: ReadonlyMap<string, string>, file: string): Imported | undefined {
  if (unmapped.length === 0) return undefined;
  return {
    from: 'compose',
    ...(file === '' ? {} : { file: file.slice(0, 4096) }),
    unmapped: unmapped.map((u) => {
      const entry: Imported['unmapped'][number] = { path: u.path.slice(0, 4096), value: asJson(u.value), reason: u.reason.slice(0, 2000) };
      const [top, name, field] = u.keys;
      if (u.keys.length === 1 && typeof top === 'string' && restorable(top, KNOWN_TOP_KEYS)) entry.section = top;
      if (top === 'services' && typeof name === 'string' && ids.has(name)) {
        entry.node = ids.get(name)!;
        if (u.keys.length === 3 && typeof field === 'string' && restorable(field, KNOWN_SERVICE_KEYS)) entry.field = field;
      }
      return entry;
    }),
  };
}
