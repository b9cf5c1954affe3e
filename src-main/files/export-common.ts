import { Document } from 'yaml';
import { kindFromImage } from './compose-kinds.js';
import type { Link, NodeKind, Topology, TopologyNode } from '../../src-preload/contract/topology/index.js';

/** Something an export could not carry over as it is, said so a person can act on it. */
export interface ExportNote {
  severity: 'info' | 'warning';
  /** A stable id, e.g. `compose-simulated-only`. */
  code: string;
  /** The document field it is about, e.g. `nodes.api.ports[0].hostPort`; '' for the whole document. */
  path: string;
  message: string;
}

export type Notes = ExportNote[];

export const note = (notes: Notes, severity: ExportNote['severity'], code: string, path: string, message: string): void => {
  notes.push({ severity, code, path, message });
};

/**
 * A name for the topology usable as a Compose project name, a label value and a
 * Kubernetes object name: lower case letters, digits and hyphens, at most 63 characters.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // the accents NFKD split off: "Ü" → "U"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return /^[a-z0-9]/.test(slug) ? slug : `devsim${slug ? `-${slug}` : ''}`.slice(0, 63).replace(/-+$/, '');
}

/** Node ids in a fixed order, so the same document always gives the same bytes. */
export const sortedIds = (doc: Topology): string[] => Object.keys(doc.nodes).sort();

/** Nodes that run a container; the others exist only in the simulator. */
export function deployable(doc: Topology): Array<[string, TopologyNode & { image: string }]> {
  const out: Array<[string, TopologyNode & { image: string }]> = [];
  for (const id of sortedIds(doc)) {
    const node = doc.nodes[id]!;
    if (node.image !== undefined) out.push([id, node as TopologyNode & { image: string }]);
  }
  return out;
}

/**
 * Who opens the connection along a link. Calls, publishes, queries, log shipping and
 * scrapes go from `from` to `to`; a consumer (`to`) connects to Kafka (`from`), and a
 * replica (`to`) follows its primary (`from`). The same direction is the start order:
 * the client depends on the server.
 */
export function clientAndServer(link: Link): { client: string; server: string } {
  if (link.type === 'consume' || link.type === 'replication') return { client: link.to, server: link.from };
  return { client: link.from, server: link.to };
}

/** Kinds that keep data: one StatefulSet (Kubernetes) or one container with a named volume (Compose). */
export const STATEFUL_KINDS: ReadonlySet<NodeKind> = new Set(['postgres', 'redis', 'kafka', 'elasticsearch']);

/**
 * Where each stateful kind's official image keeps its data. PostgreSQL 18 images moved it
 * to /var/lib/postgresql (a versioned folder inside; the image tag tells the version); Kafka's depends on the image, so the
 * export says so in a note.
 */
export function dataPath(node: TopologyNode): string | undefined {
  switch (node.kind) {
    case 'postgres': {
      const version = (node.image && kindFromImage(node.image).version) ?? node.version;
      return Number.parseInt(version, 10) >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
    }
    case 'redis':
      return '/data';
    case 'kafka':
      return '/var/lib/kafka/data';
    case 'elasticsearch':
      return '/usr/share/elasticsearch/data';
    default:
      return undefined;
  }
}

/** Instances a stateful node stands for: the primary and its replicas, the cluster members, the brokers. */
export function statefulInstances(node: TopologyNode): number {
  switch (node.kind) {
    case 'postgres':
      if (node.topology.mode === 'primary-replica') return 1 + node.topology.replicas;
      if (node.topology.mode === 'multi-master') return node.topology.nodes;
      return 1;
    case 'redis':
      return node.replicas;
    case 'kafka':
      return node.brokers;
    case 'elasticsearch':
      return node.nodes;
    default:
      return 1;
  }
}

/** Replicas of a stateless node (stations and load balancers); 1 for kinds without the field. */
export function statelessReplicas(node: TopologyNode): number {
  return 'replicas' in node && typeof node.replicas === 'number' ? node.replicas : 1;
}

/** The autoscaling bounds of a node whose scaling policy is not manual. */
export function autoscaling(node: TopologyNode): { policy: 'hpa' | 'predictive' | 'learned'; min: number; max: number; targetCpu: number; scaleDownS: number } | undefined {
  if (!('scaling' in node) || node.scaling.policy === 'manual') return undefined;
  const s = node.scaling;
  return { policy: s.policy, min: s.minReplicas, max: Math.max(s.minReplicas, s.maxReplicas), targetCpu: s.targetCpuPercent, scaleDownS: s.scaleDownStabilizationS };
}

/** Environment variable names that usually hold credentials. */
export const looksSecret = (name: string): boolean => /PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL/i.test(name);

/**
 * Seconds as a duration both Go (Compose) and Prometheus read: 300 → "5m", 90 → "1m30s",
 * 0.25 → "250ms". Only h, m, s and ms, which the two grammars share.
 */
export function formatDuration(seconds: number): string {
  let ms = Math.round(seconds * 1000);
  if (ms <= 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const count = Math.floor(ms / size);
    if (count > 0) parts.push(`${count}${unit}`);
    ms -= count * size;
  }
  return parts.join('');
}

/**
 * YAML text from plain data with the `yaml` package: insertion order kept, no anchors for
 * repeated objects, no line folding, and an optional comment on top.
 */
export function toYaml(value: unknown, comment?: string): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  if (comment) doc.commentBefore = comment.split('\n').map((line) => (line ? ` ${line}` : '')).join('\n');
  return doc.toString({ lineWidth: 0 });
}
