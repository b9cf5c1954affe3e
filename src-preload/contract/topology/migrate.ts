import { API_VERSION } from './document.js';

/** Versions this build reads, oldest first; the last is the one it writes. */
export const KNOWN_API_VERSIONS = ['devsim.io/v1alpha1', API_VERSION] as const;

export type MigrationResult =
  | { ok: true; value: Record<string, unknown>; migratedFrom?: string }
  | { ok: false; code: string; message: string; path: (string | number)[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * v1alpha1, the draft format: nodes were a list of `{id, type, …}` and links used
 * `source`/`target`. v1 keys nodes by id and names the fields `kind`, `from`, `to`.
 */
function fromV1alpha1(doc: Record<string, unknown>): MigrationResult {
  const nodes: Record<string, unknown> = {};
  const list = doc.nodes;
  if (list !== undefined && !Array.isArray(list)) return { ok: false, code: 'migration', message: 'In devsim.io/v1alpha1, nodes is a list.', path: ['nodes'] };
  for (const [i, item] of (list ?? []).entries()) {
    if (!isRecord(item) || typeof item.id !== 'string') return { ok: false, code: 'migration', message: 'Each v1alpha1 node needs a string id.', path: ['nodes', i] };
    if (Object.prototype.hasOwnProperty.call(nodes, item.id)) return { ok: false, code: 'migration', message: `Node id "${item.id}" appears twice.`, path: ['nodes', i, 'id'] };
    const { id, type, ...rest } = item;
    nodes[id] = { kind: type, ...rest };
  }
  const links = Array.isArray(doc.links)
    ? doc.links.map((l) => {
        if (!isRecord(l)) return l;
        const { source, target, ...rest } = l;
        return { from: source, to: target, ...rest };
      })
    : doc.links;
  return { ok: true, value: { ...doc, apiVersion: API_VERSION, nodes, links }, migratedFrom: 'devsim.io/v1alpha1' };
}

/** Brings a parsed document of any known version to the current one, without trusting it. */
export function migrateDocument(raw: unknown): MigrationResult {
  if (!isRecord(raw)) return { ok: false, code: 'not-a-document', message: 'A topology document is a mapping with apiVersion, kind, metadata and nodes.', path: [] };
  const version = raw.apiVersion;
  if (version === API_VERSION) return { ok: true, value: raw };
  if (version === 'devsim.io/v1alpha1') return fromV1alpha1(raw);
  if (typeof version === 'string' && /^devsim\.io\/v\d+/.test(version)) {
    return { ok: false, code: 'newer-version', message: `This document is ${version}; this version of DevOps Simulator reads ${KNOWN_API_VERSIONS.join(' and ')}. Update the app to open it.`, path: ['apiVersion'] };
  }
  return { ok: false, code: 'unknown-version', message: `apiVersion must be ${API_VERSION}${version === undefined ? '' : `, not ${JSON.stringify(version).slice(0, 60)}`}.`, path: ['apiVersion'] };
}
