// Compose settings an import could not map were kept in the document (`imported`); the
// compose export writes whole service fields and top-level sections back, so a compose →
// document → compose round trip keeps them. What the export itself writes wins; maps are
// merged key by key.
import type { Topology } from '../../src-preload/contract/topology/index.js';
import { note, type Notes } from './export-common.js';

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets `key` on `target` unless the export already did; merges maps. True when anything was written. */
function fill(target: Record<string, unknown>, key: string, value: unknown): boolean {
  const current = target[key];
  if (current === undefined) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    return true;
  }
  if (!isMap(current) || !isMap(value)) return false;
  let wrote = false;
  for (const [k, v] of Object.entries(value)) wrote = fill(current, k, v) || wrote;
  return wrote;
}

export function restoreImported(doc: Topology, file: Record<string, unknown>, services: Record<string, unknown>, notes: Notes): void {
  let restored = 0;
  for (const entry of doc.imported?.unmapped ?? []) {
    if (entry.section !== undefined) {
      if (fill(file, entry.section, entry.value)) restored++;
    } else if (entry.node !== undefined && entry.field !== undefined) {
      const service = services[entry.node];
      if (isMap(service) && fill(service, entry.field, entry.value)) restored++;
    }
  }
  if (restored > 0) {
    note(notes, 'info', 'compose-restored', 'imported', `${restored} compose setting(s) kept from the import were written back (see the document's "imported" section).`);
  }
}
