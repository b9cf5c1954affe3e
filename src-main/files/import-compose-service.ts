import type { NodeKind } from '../../src-preload/contract/topology/index.js';
import { type Inferred, kindFromImage, kindFromName } from './compose-kinds.js';
import type { PathKey } from './finding.js';
import type { ImportContext } from './import-compose-context.js';
import { DEPLOY_KEYS, KNOWN_SERVICE_KEYS, MAPPED_SERVICE_KEYS, UNMAPPED_REASONS } from './import-compose-keys.js';
import { type PortInput, importExpose, importPorts } from './import-compose-ports.js';
import { type ResourcesInput, importCommand, importCpu, importEnvironment, importHealthCheck, importMemory } from './import-compose-runtime.js';
import { isRecord, parseNumber } from './import-compose-values.js';

/** A plain service-time guess for kinds the simulator needs one for; Compose has none. */
export const DEFAULT_SERVICE_TIME = { default: { type: 'exponential', meanMs: 20 } } as const;

/** Where deploy.replicas goes on each kind, and its lowest allowed value. */
const REPLICA_FIELD: Partial<Record<NodeKind, { field: string; min: number }>> = {
  'app-service': { field: 'replicas', min: 0 },
  container: { field: 'replicas', min: 0 },
  'load-balancer': { field: 'replicas', min: 1 },
  redis: { field: 'replicas', min: 1 },
  kafka: { field: 'brokers', min: 1 },
  elasticsearch: { field: 'nodes', min: 1 },
};

export interface ImportedService {
  kind: NodeKind;
  node: Record<string, unknown>;
}

/** One Compose service as a node (links are read separately). */
export function importService(ctx: ImportContext, name: string, raw: Record<string, unknown>): ImportedService {
  const at: PathKey[] = ['services', name];
  // An empty field (`ports:` with nothing under it) means the same as no field.
  const service = Object.fromEntries(Object.entries(raw).filter(([key, value]) => value !== null || !MAPPED_SERVICE_KEYS.has(key)));
  const inferred = inferKind(ctx, name, service, at);
  const node: Record<string, unknown> = { kind: inferred.kind };
  if (typeof service.image === 'string') node.image = service.image;
  applyKind(ctx, node, inferred, at);

  if (service.command !== undefined) {
    const command = importCommand(ctx, service.command, [...at, 'command']);
    if (command) node.command = command;
  }
  const env: Record<string, string> = {};
  if (service.environment !== undefined) importEnvironment(ctx, service.environment, [...at, 'environment'], env);
  if (Object.keys(env).length > 0) node.env = env;

  const ports: PortInput[] = [];
  if (service.ports !== undefined) importPorts(ctx, service.ports, [...at, 'ports'], ports);
  if (service.expose !== undefined) importExpose(ctx, service.expose, [...at, 'expose'], ports);
  if (ports.length > 0) node.ports = ports;

  if (service.healthcheck !== undefined && service.healthcheck !== null) {
    const check = importHealthCheck(ctx, service.healthcheck, [...at, 'healthcheck']);
    if (check) node.healthCheck = check;
  }
  const resources: ResourcesInput = {};
  if (service.cpus !== undefined) importCpu(ctx, service.cpus, [...at, 'cpus'], resources);
  if (service.mem_limit !== undefined) importMemory(ctx, service.mem_limit, [...at, 'mem_limit'], resources);
  if (service.scale !== undefined) importReplicas(ctx, node, inferred.kind, service.scale, [...at, 'scale']);
  if (service.deploy !== undefined && service.deploy !== null) importDeploy(ctx, node, inferred.kind, service.deploy, [...at, 'deploy'], resources);
  if (Object.keys(resources).length > 0) node.resources = resources;

  for (const [key, value] of Object.entries(service)) {
    if (MAPPED_SERVICE_KEYS.has(key)) continue;
    if (key.startsWith('x-')) ctx.unmap([...at, key], value, 'an extension field (x-…).');
    else if (KNOWN_SERVICE_KEYS.has(key)) ctx.unmap([...at, key], value, UNMAPPED_REASONS[key] ?? `the Compose field "${key}".`, key === 'entrypoint' ? 'warning' : 'info');
    else ctx.unmap([...at, key], value, `"${key}" is not a Compose service field (a typo, or a newer Compose version).`, 'warning');
  }
  return { kind: inferred.kind, node };
}

function inferKind(ctx: ImportContext, name: string, service: Record<string, unknown>, at: readonly PathKey[]): Inferred {
  if (typeof service.image === 'string' && service.image.trim() !== '' && service.image.length <= 512) return kindFromImage(service.image);
  if (service.image !== undefined) ctx.invalid([...at, 'image'], '`image` must be a non-empty image name of at most 512 characters.');
  else if (service.build === undefined) ctx.report('warning', 'compose-no-image', at, `Service "${name}" has neither image nor build.`);
  const inferred = kindFromName(name);
  if (inferred.kind !== 'container') ctx.report('info', 'compose-kind-from-name', at, `Service "${name}" has no image; its name suggests a ${inferred.kind} node.`);
  return inferred;
}

function applyKind(ctx: ImportContext, node: Record<string, unknown>, inferred: Inferred, at: readonly PathKey[]): void {
  if (inferred.version) node.version = inferred.version;
  if (inferred.kind === 'app-service') {
    node.runtime = 'node-express';
    node.serviceTime = DEFAULT_SERVICE_TIME;
  }
  if (inferred.product === 'caddy') {
    ctx.report('info', 'compose-product-unknown', [...at, 'image'], 'Caddy is imported as a load balancer without a product (the document lists nginx, haproxy, traefik, envoy and cloud).');
  } else if (inferred.product) node.product = inferred.product;
}

function importReplicas(ctx: ImportContext, node: Record<string, unknown>, kind: NodeKind, value: unknown, at: readonly PathKey[]): void {
  const count = parseNumber(value);
  if (count === undefined || !Number.isInteger(count) || count < 0) {
    ctx.invalid(at, 'Replicas must be a whole number of 0 or more.');
    return;
  }
  const target = REPLICA_FIELD[kind];
  if (!target) ctx.unmap(at, value, `a replica count on a ${kind} node (the document runs one).`, 'warning');
  else if (count < target.min || count > 1000) ctx.unmap(at, value, `${count} replicas is outside what a ${kind} node holds (${target.min}–1000).`, 'warning');
  else node[target.field] = count;
}

function importDeploy(ctx: ImportContext, node: Record<string, unknown>, kind: NodeKind, deploy: unknown, at: readonly PathKey[], resources: ResourcesInput): void {
  if (!isRecord(deploy)) {
    ctx.invalid(at, '`deploy` must be a mapping.');
    return;
  }
  for (const [key, value] of Object.entries(deploy)) {
    const path = [...at, key];
    if (key === 'replicas') importReplicas(ctx, node, kind, value, path);
    else if (key === 'resources') importResources(ctx, value, path, resources);
    else if (DEPLOY_KEYS.has(key) || key.startsWith('x-')) ctx.unmap(path, value, `deploy option "${key}".`);
    else ctx.unmap(path, value, `"${key}" is not a Compose deploy field.`, 'warning');
  }
}

function importResources(ctx: ImportContext, value: unknown, at: readonly PathKey[], resources: ResourcesInput): void {
  if (!isRecord(value)) {
    ctx.invalid(at, '`resources` must be a mapping.');
    return;
  }
  for (const [key, section] of Object.entries(value)) {
    if (key !== 'limits') {
      ctx.unmap([...at, key], section, key === 'reservations' ? 'resource reservations (the document keeps limits).' : `resources "${key}".`);
      continue;
    }
    if (!isRecord(section)) {
      ctx.invalid([...at, key], '`limits` must be a mapping.');
      continue;
    }
    for (const [limit, amount] of Object.entries(section)) {
      const path = [...at, key, limit];
      if (limit === 'cpus') importCpu(ctx, amount, path, resources);
      else if (limit === 'memory') importMemory(ctx, amount, path, resources);
      else ctx.unmap(path, amount, `the "${limit}" limit.`);
    }
  }
}
