import { ContractError, type Topology } from '../../../src-preload/contract/index.js';
import { deployable, slugify, type ExportNote } from '../../files/export-common.js';
import { composeService } from '../../files/export-compose-service.js';
import { startOrder } from './order.js';

/** Labels on everything a bring-up creates; tear-down and re-sync find things by them. */
export const LABELS = {
  topology: 'io.devsim.topology',
  node: 'io.devsim.node',
  replica: 'io.devsim.replica',
  run: 'io.devsim.run',
  kind: 'io.devsim.kind',
} as const;

export interface PlannedPort {
  /** Always 127.0.0.1: a lab stack does not face the network. */
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
}

/** Docker's health check, durations in nanoseconds as the Engine API wants them. */
export interface PlannedHealthCheck {
  test: string[];
  intervalNs: number;
  timeoutNs: number;
  retries: number;
  startPeriodNs: number;
}

export interface PlannedContainer {
  /** `<topology>-<node>-<replica>`. */
  name: string;
  node: string;
  replica: number;
  image: string;
  command?: string[];
  /** KEY=VALUE, sorted by key. */
  env: string[];
  ports: PlannedPort[];
  /** Ports reachable on the network but not published, e.g. "9229/tcp". */
  exposed: string[];
  healthCheck?: PlannedHealthCheck;
  memoryBytes: number;
  nanoCpus: number;
  labels: Record<string, string>;
}

export interface PlannedNode {
  node: string;
  kind: string;
  image: string;
  /** Nodes whose containers start (and turn healthy) first. */
  after: string[];
  containers: PlannedContainer[];
}

export interface BringUpPlan {
  topology: string;
  bringUpId: string;
  network: { name: string; labels: Record<string, string> };
  /** In start order: every node after the nodes it depends on. */
  nodes: PlannedNode[];
  /** Nodes without an image: they exist in the simulator only. */
  simulatedOnly: Array<{ node: string; kind: string }>;
  /** What the mapping could not carry over as it is (shared with the compose export). */
  notes: ExportNote[];
}

const NS_PER_S = 1_000_000_000;
const PUBLISHED = /^(.+):(\d+):(\d+)(\/udp)?$/;

/**
 * What bringing the document up creates: one user-defined network and one container per
 * replica of each node that has an image. The mapping of image, command, ports, environment,
 * health check and replicas is the compose export's, so both agree. Pure: no engine needed.
 * A dependency cycle among deployed nodes is refused, naming the nodes in it.
 */
export function planBringUp(doc: Topology, bringUpId: string): BringUpPlan {
  const topology = slugify(doc.metadata.name);
  const notes: ExportNote[] = [];
  const deployed = deployable(doc);
  const order = startOrder(doc, new Set(deployed.map(([id]) => id)));
  const base = { [LABELS.topology]: topology, [LABELS.run]: bringUpId };
  const network = { name: `devsim-${topology}`, labels: { ...base } };

  const byId = new Map(deployed);
  const nodes: PlannedNode[] = order.map(({ node: id, after }) => {
    const node = byId.get(id)!;
    const { service } = composeService(id, node, topology, network.name, notes);
    const deploy = service.deploy as { replicas?: number };
    const replicas = deploy.replicas ?? 1;
    const containers: PlannedContainer[] = [];
    for (let replica = 0; replica < replicas; replica++) {
      const container: PlannedContainer = {
        name: `${topology}-${id}-${replica}`,
        node: id,
        replica,
        image: node.image,
        env: Object.entries(node.env)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, value]) => `${key}=${value}`),
        ports: ((service.ports as string[] | undefined) ?? []).map(parsePublished),
        exposed: ((service.expose as string[] | undefined) ?? []).map((port) => (port.includes('/') ? port : `${port}/tcp`)),
        memoryBytes: node.resources.memoryMiB * 1024 * 1024,
        nanoCpus: Math.round(node.resources.cpu * NS_PER_S),
        labels: { ...base, [LABELS.node]: id, [LABELS.replica]: String(replica), [LABELS.kind]: node.kind },
      };
      if (node.command && node.command.length > 0) container.command = [...node.command];
      if (node.healthCheck) {
        const { test } = service.healthcheck as { test: string[] };
        const check = node.healthCheck;
        container.healthCheck = {
          test,
          intervalNs: check.intervalS * NS_PER_S,
          timeoutNs: check.timeoutS * NS_PER_S,
          retries: check.retries,
          startPeriodNs: check.startPeriodS * NS_PER_S,
        };
      }
      containers.push(container);
    }
    return { node: id, kind: node.kind, image: node.image, after, containers };
  });

  const simulatedOnly = Object.keys(doc.nodes)
    .sort()
    .filter((id) => doc.nodes[id]!.image === undefined)
    .map((id) => ({ node: id, kind: doc.nodes[id]!.kind }));
  return { topology, bringUpId, network, nodes, simulatedOnly, notes };
}

function parsePublished(text: string): PlannedPort {
  const match = PUBLISHED.exec(text);
  if (!match) throw new ContractError('INTERNAL', `The compose mapping gave a port "${text}" bring-up cannot read.`);
  return { hostIp: match[1]!, hostPort: Number(match[2]), containerPort: Number(match[3]), protocol: match[4] ? 'udp' : 'tcp' };
}
