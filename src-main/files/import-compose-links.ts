import type { NodeKind } from '../../src-preload/contract/topology/index.js';
import { LOG_SHIPPERS, imageParts } from './compose-kinds.js';
import type { PathKey } from './finding.js';
import type { ImportContext } from './import-compose-context.js';
import { isRecord } from './import-compose-values.js';

export interface LinkInput {
  type: 'call' | 'scrape' | 'query' | 'logs' | 'replication';
  from: string;
  to: string;
}

interface ServiceInfo {
  id: string;
  kind: NodeKind;
  image: string | undefined;
}

const DATA_STORES: readonly NodeKind[] = ['postgres', 'redis', 'elasticsearch'];
const QUERYING: readonly NodeKind[] = ['grafana', 'kibana', 'thanos', 'logstash', 'elasticsearch'];

/**
 * The link a dependency stands for: Prometheus scrapes what it depends on, dashboards and
 * stores query, shippers send logs, peers of one data store replicate (from the one started
 * first), and everything else calls.
 */
export function linkFor(dependent: ServiceInfo, dependency: ServiceInfo): LinkInput {
  const from = dependent.id;
  const to = dependency.id;
  if (dependent.kind === 'prometheus') return { type: 'scrape', from, to };
  if (dependent.kind === dependency.kind && DATA_STORES.includes(dependent.kind)) return { type: 'replication', from: to, to: from };
  const toLogStore = dependency.kind === 'logstash' || dependency.kind === 'elasticsearch';
  const shipper = dependent.kind === 'logstash' || (dependent.image !== undefined && LOG_SHIPPERS.has(imageParts(dependent.image).name));
  if (toLogStore && shipper) return { type: 'logs', from, to };
  if (QUERYING.includes(dependent.kind)) return { type: 'query', from, to };
  return { type: 'call', from, to };
}

interface Dependency {
  name: string;
  path: PathKey[];
  /** `required: false`: Compose carries on without it. */
  optional?: boolean;
}

/** The services one service names in depends_on (list or mapping) and links ("svc" or "svc:alias"). */
export function readDependencies(ctx: ImportContext, name: string, service: Record<string, unknown>): Dependency[] {
  const out: Dependency[] = [];
  const at: PathKey[] = ['services', name];
  const dependsOn = service.depends_on;
  if (Array.isArray(dependsOn)) {
    dependsOn.forEach((dep: unknown, i) => {
      if (typeof dep === 'string') out.push({ name: dep, path: [...at, 'depends_on', i] });
      else ctx.invalid([...at, 'depends_on', i], 'A depends_on entry is a service name.');
    });
  } else if (isRecord(dependsOn)) {
    for (const [dep, options] of Object.entries(dependsOn)) {
      const path = [...at, 'depends_on', dep];
      out.push(isRecord(options) && options.required === false ? { name: dep, path, optional: true } : { name: dep, path });
      if (options === null) continue;
      if (!isRecord(options)) ctx.invalid(path, 'A depends_on entry maps to options such as `condition: service_healthy`.');
      else if (Object.keys(options).some((k) => !(k === 'condition' && options[k] === 'service_started'))) {
        ctx.unmap(path, options, 'start-up conditions of a dependency (the link keeps who depends on whom).');
      }
    }
  } else if (dependsOn !== undefined && dependsOn !== null) ctx.invalid([...at, 'depends_on'], '`depends_on` must be a list of service names or a mapping.');

  const links = service.links;
  if (Array.isArray(links)) {
    links.forEach((link: unknown, i) => {
      const path = [...at, 'links', i];
      if (typeof link !== 'string') {
        ctx.invalid(path, 'A links entry is "service" or "service:alias".');
        return;
      }
      const [target, alias] = link.split(':', 2) as [string, string | undefined];
      out.push({ name: target, path });
      if (alias !== undefined && alias !== target) ctx.unmap([...path, 'alias'], alias, `the alias "${alias}" under which the service reaches "${target}".`);
    });
  } else if (links !== undefined && links !== null) ctx.invalid([...at, 'links'], '`links` must be a list.');
  return out;
}

/** Links for all dependencies; unknown services and cycles are errors, as in Compose. */
export function buildLinks(ctx: ImportContext, services: Map<string, ServiceInfo & { deps: Dependency[] }>): LinkInput[] {
  const links: LinkInput[] = [];
  const seen = new Set<string>();
  for (const [name, info] of services) {
    for (const dep of info.deps) {
      const target = services.get(dep.name);
      if (!target) {
        if (dep.optional) ctx.report('warning', 'compose-missing-service', dep.path, `Service "${name}" may use "${dep.name}" (required: false), which is not a service in this file; no link is made.`);
        else ctx.report('error', 'compose-missing-service', dep.path, `Service "${name}" depends on "${dep.name}", which is not a service in this file.`);
        continue;
      }
      if (dep.name === name) {
        ctx.report('error', 'compose-dependency-cycle', dep.path, `Service "${name}" depends on itself.`);
        continue;
      }
      const link = linkFor(info, target);
      const key = `${link.type} ${link.from} ${link.to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push(link);
    }
  }
  reportCycles(ctx, services);
  return links;
}

function reportCycles(ctx: ImportContext, services: Map<string, { deps: Dependency[] }>): void {
  // Iterative depth-first search: a file may chain thousands of services.
  const state = new Map<string, 'open' | 'done'>();
  for (const root of services.keys()) {
    if (state.has(root)) continue;
    const stack: { name: string; next: number }[] = [{ name: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const deps = services.get(top.name)?.deps ?? [];
      const dep = deps[top.next++];
      if (!dep) {
        state.set(top.name, 'done');
        stack.pop();
        continue;
      }
      if (dep.name === top.name || !services.has(dep.name)) continue;
      const s = state.get(dep.name);
      if (s === 'open') {
        const names = stack.map((f) => f.name);
        const cycle = [...names.slice(names.indexOf(dep.name)), dep.name];
        ctx.report('error', 'compose-dependency-cycle', ['services', dep.name], `Services depend on each other in a circle: ${cycle.join(' → ')}.`);
        return;
      }
      if (s === undefined) {
        state.set(dep.name, 'open');
        stack.push({ name: dep.name, next: 0 });
      }
    }
  }
}

/** Label keys of a service, whether written as a list of key=value or a mapping. */
function labelsOf(service: unknown): Map<string, string> {
  const labels = new Map<string, string>();
  const raw = isRecord(service) ? service.labels : undefined;
  if (Array.isArray(raw)) {
    for (const item of raw) if (typeof item === 'string') labels.set(item.split('=')[0]!, item.includes('=') ? item.slice(item.indexOf('=') + 1) : '');
  } else if (isRecord(raw)) for (const [k, v] of Object.entries(raw)) labels.set(k, String(v));
  return labels;
}

/**
 * Traefik finds its backends by their labels, not by depends_on: a service labelled
 * `traefik.*` (and not `traefik.enable=false`) is called by each Traefik in the file.
 */
export function traefikLinks(services: Map<string, ServiceInfo>, configs: Map<string, unknown>): LinkInput[] {
  const proxies = [...services.values()].filter((s) => s.kind === 'load-balancer' && s.image !== undefined && imageParts(s.image).name === 'traefik');
  const links: LinkInput[] = [];
  if (proxies.length === 0) return links;
  for (const [name, info] of services) {
    const labels = labelsOf(configs.get(name));
    const routed = [...labels.keys()].some((k) => k.startsWith('traefik.')) && labels.get('traefik.enable')?.toLowerCase() !== 'false';
    if (!routed) continue;
    for (const proxy of proxies) if (proxy.id !== info.id) links.push({ type: 'call', from: proxy.id, to: info.id });
  }
  return links;
}
