import { ID_PATTERN } from '../../src-preload/contract/topology/index.js';

/**
 * A Compose service name as a node id (DNS label: lower case, digits, hyphens, starting with
 * a letter, at most 63). "My_App.v2" → "my-app-v2", "1st" → "s-1st".
 */
export function toNodeId(name: string): string {
  let id = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(id)) id = `s-${id}`.replace(/-+$/, '');
  id = id.slice(0, 63).replace(/-+$/, '');
  return ID_PATTERN.test(id) ? id : 'service';
}

/** Ids for all services: each valid and unique; a name that must change keeps its mapping. */
export function assignIds(names: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  // Names already valid keep their id first, so a renamed neighbour cannot steal it.
  const ordered = [...names.filter((n) => ID_PATTERN.test(n)), ...names.filter((n) => !ID_PATTERN.test(n))];
  for (const name of ordered) {
    const base = toNodeId(name);
    let id = base;
    for (let n = 2; taken.has(id); n++) {
      const suffix = `-${n}`;
      id = `${base.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    taken.add(id);
    ids.set(name, id);
  }
  return ids;
}
