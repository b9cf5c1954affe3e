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

/** A JSON copy of a YAML value (no undefined, no shared references). */
const asJson = (value: unknown): Imported['unmapped'][number]['value'] => {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as Imported['unmapped'][number]['value']);
};

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
