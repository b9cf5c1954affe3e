import type { HealthCheck, TopologyNode } from '../../src-preload/contract/topology/index.js';
import { STATEFUL_KINDS, dataPath, formatDuration, note, statefulInstances, statelessReplicas, type Notes } from './export-common.js';

/** Bind published ports to the loopback address only: a lab stack should not face the network. */
export const PUBLISH_ADDRESS = '127.0.0.1';

/** A string in single quotes for /bin/sh, whatever it holds. */
const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * Compose `healthcheck`. An HTTP check becomes a shell test that tries wget, then curl:
 * Alpine and BusyBox images carry the first, Debian-based ones often only the second.
 */
export function healthcheck(check: HealthCheck): Record<string, unknown> {
  let test: string[];
  if (check.http) {
    const url = shellQuote(`http://127.0.0.1:${check.http.port}${check.http.path}`);
    test = ['CMD-SHELL', `wget -q -O /dev/null ${url} || curl -fsS -o /dev/null ${url}`];
  } else {
    test = ['CMD', ...(check.command ?? [])];
  }
  const out: Record<string, unknown> = {
    test,
    interval: formatDuration(check.intervalS),
    timeout: formatDuration(check.timeoutS),
    retries: check.retries,
  };
  if (check.startPeriodS > 0) out.start_period = formatDuration(check.startPeriodS);
  return out;
}

/** Published ports ("127.0.0.1:HOST:CONTAINER") and the rest as `expose`. */
function ports(id: string, node: TopologyNode, replicas: number, notes: Notes): { ports: string[]; expose: string[] } {
  const published: string[] = [];
  const expose: string[] = [];
  node.ports.forEach((port, i) => {
    const suffix = port.protocol === 'udp' ? '/udp' : '';
    if (port.hostPort !== undefined && replicas <= 1) {
      published.push(`${PUBLISH_ADDRESS}:${port.hostPort}:${port.port}${suffix}`);
      return;
    }
    if (port.hostPort !== undefined) {
      note(notes, 'warning', 'compose-replicated-host-port', `nodes.${id}.ports[${i}].hostPort`, `"${id}" runs ${replicas} replicas, and only one container can hold host port ${port.hostPort}; the port is exposed on the network but not published.`);
    }
    expose.push(`${port.port}${suffix}`);
  });
  return { ports: published, expose };
}

/** Compose memory in mebibytes: Compose reads "512M" as 512 MiB. */
const memory = (mib: number): string => `${mib}M`;

/** Replicas Compose runs: stateful kinds always one container, since replicas would share one volume. */
function replicaCount(id: string, node: TopologyNode, notes: Notes): number {
  if (STATEFUL_KINDS.has(node.kind)) {
    const instances = statefulInstances(node);
    if (instances > 1) {
      note(notes, 'warning', 'compose-stateful-single', `nodes.${id}`, `"${id}" stands for ${instances} ${node.kind} instances; Compose runs one container, since replicas of it would share one data volume and not replicate.`);
    }
    return 1;
  }
  return statelessReplicas(node);
}

export interface ComposeServiceParts {
  service: Record<string, unknown>;
  /** The named volume the service mounts, if any. */
  volume?: string;
}

/** One Compose service for a node that has an image (depends_on is added by the caller). */
export function composeService(id: string, node: TopologyNode & { image: string }, topology: string, network: string, notes: Notes): ComposeServiceParts {
  const replicas = replicaCount(id, node, notes);
  const service: Record<string, unknown> = { image: node.image };
  if (node.command && node.command.length > 0) service.command = [...node.command];
  const { ports: published, expose } = ports(id, node, replicas, notes);
  if (published.length > 0) service.ports = published;
  if (expose.length > 0) service.expose = expose;
  if (Object.keys(node.env).length > 0) service.environment = { ...node.env };
  if (node.healthCheck) service.healthcheck = healthcheck(node.healthCheck);

  let volume: string | undefined;
  const path = dataPath(node);
  if (path !== undefined) {
    volume = `${id}-data`;
    service.volumes = [`${volume}:${path}`];
    if (node.kind === 'kafka') note(notes, 'info', 'compose-kafka-data', `nodes.${id}.image`, `"${id}" keeps its data in volume ${volume} at ${path}; point the broker's log.dirs (KAFKA_LOG_DIRS) there if the image writes elsewhere.`);
  }

  const deploy: Record<string, unknown> = {};
  if (replicas !== 1) deploy.replicas = replicas;
  deploy.resources = { limits: { cpus: String(node.resources.cpu), memory: memory(node.resources.memoryMiB) } };
  service.deploy = deploy;
  service.labels = { 'io.devsim.topology': topology, 'io.devsim.node': id, 'io.devsim.kind': node.kind };
  service.networks = [network];
  service.restart = 'unless-stopped';
  return volume === undefined ? { service } : { service, volume };
}
