import type { ImportContext } from './import-compose-context.js';
import { isRecord } from './import-compose-values.js';

// `extends` within one file, merged the way the Compose Specification merges services:
// mappings recursively, some sequences appended, everything else replaced by the child.

const APPENDED = new Set(['ports', 'expose', 'dns', 'dns_search', 'tmpfs', 'volumes', 'devices', 'cap_add', 'cap_drop', 'env_file', 'external_links', 'links', 'security_opt', 'extra_hosts']);
const AS_MAPPING = new Set(['environment', 'labels', 'depends_on', 'sysctls', 'annotations']);

/** `[A=1, B]` or `[svc]` as a mapping, so a list can merge with a mapping. */
function toMapping(key: string, value: unknown): Record<string, unknown> | undefined {
  if (isRecord(value)) return value;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return undefined;
  const out: Record<string, unknown> = {};
  for (const item of value as string[]) {
    if (key === 'depends_on') out[item] = { condition: 'service_started' };
    else {
      const eq = item.indexOf('=');
      out[eq < 0 ? item : item.slice(0, eq)] = eq < 0 ? null : item.slice(eq + 1);
    }
  }
  return out;
}

function merge(base: Record<string, unknown>, child: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(child)) {
    const prior = out[key];
    let merged: unknown = value;
    if (depth === 0 && AS_MAPPING.has(key)) {
      const a = toMapping(key, prior);
      const b = toMapping(key, value);
      if (a && b) merged = { ...a, ...b };
    } else if (depth === 0 && APPENDED.has(key) && Array.isArray(prior) && Array.isArray(value)) {
      const seen = new Set(prior.map((v) => JSON.stringify(v)));
      merged = [...prior, ...value.filter((v) => !seen.has(JSON.stringify(v)))];
    } else if (isRecord(prior) && isRecord(value) && key !== 'test') merged = merge(prior, value, depth + 1);
    Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The services with `extends` from the same file applied; other files are reported, not read. */
export function applyExtends(ctx: ImportContext, services: Record<string, unknown>): Map<string, unknown> {
  const resolved = new Map<string, unknown>();
  const resolving = new Set<string>();
  const resolve = (name: string): unknown => {
    if (resolved.has(name)) return resolved.get(name);
    const service = services[name];
    if (!isRecord(service) || service.extends === undefined) {
      resolved.set(name, service);
      return service;
    }
    const { extends: ext, ...own } = service;
    const at = ['services', name, 'extends'];
    const baseName = typeof ext === 'string' ? ext : isRecord(ext) && typeof ext.service === 'string' && ext.file === undefined ? ext.service : undefined;
    let result: unknown = own;
    if (isRecord(ext) && ext.file !== undefined) {
      ctx.unmap(at, ext, 'inheritance from a service in another file (that file is not read, so its fields are missing here).', 'warning');
    } else if (baseName === undefined) {
      ctx.invalid(at, '`extends` names a service: `extends: base` or `extends: { service: base }`.');
    } else if (resolving.has(baseName) || baseName === name) {
      ctx.report('error', 'compose-extends-cycle', at, `Service "${name}" extends itself through "${baseName}".`);
    } else if (!Object.hasOwn(services, baseName)) {
      ctx.report('error', 'compose-missing-service', at, `Service "${name}" extends "${baseName}", which is not a service in this file.`);
    } else {
      resolving.add(name);
      const base = resolve(baseName);
      resolving.delete(name);
      if (isRecord(base)) {
        // Compose's documentation: depends_on and volumes_from are never shared through extends.
        const { depends_on: _d, volumes_from: _v, ...inherited } = base;
        result = merge(inherited, own);
        ctx.unmap(at, ext, `inheritance from "${baseName}" (its fields are applied to this service; the relation itself is not kept).`);
      }
    }
    resolved.set(name, result);
    return result;
  };
  for (const name of Object.keys(services)) resolve(name);
  return resolved;
}
