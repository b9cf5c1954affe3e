import { createHash } from 'node:crypto';
import type { Port, TopologyNode } from '../../src-preload/contract/topology/index.js';

/** What every manifest builder needs to know about the export as a whole. */
export interface K8sContext {
  /** The topology's slug: `app.kubernetes.io/part-of` and the namespace prefix. */
  project: string;
}

/** A Kubernetes object as written to a file: the typed models of each kind fit this. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string };
}

/**
 * `<id>-<suffix>` as an object name of at most 63 characters (a DNS label, what Services
 * need). Ids may already be 63 long, so a long one is cut and a short hash keeps it unique.
 */
export function childName(id: string, suffix: string): string {
  const name = `${id}-${suffix}`;
  if (name.length <= 63) return name;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 6);
  const keep = 63 - suffix.length - hash.length - 2;
  return `${id.slice(0, keep).replace(/-+$/, '')}-${hash}-${suffix}`;
}

/** The labels that pick a node's pods; kept few so that they never change after creation. */
export const selectorLabels = (id: string, ctx: K8sContext): Record<string, string> => ({
  'app.kubernetes.io/name': id,
  'app.kubernetes.io/part-of': ctx.project,
});

/** The recommended labels, plus the node id that network policies select on. */
export const nodeLabels = (id: string, node: TopologyNode, ctx: K8sContext): Record<string, string> => ({
  ...selectorLabels(id, ctx),
  'app.kubernetes.io/component': node.kind,
  'app.kubernetes.io/managed-by': 'devsim',
  'io.devsim.node': id,
});

/** Cores as millicores: 0.5 → "500m". */
export const cpuQuantity = (cores: number): string => `${Math.max(1, Math.round(cores * 1000))}m`;
export const memoryQuantity = (mib: number): string => `${mib}Mi`;
export const storageQuantity = (gib: number): string => (Number.isInteger(gib) ? `${gib}Gi` : `${Math.ceil(gib * 1024)}Mi`);

/** Kubernetes wants whole seconds, at least 1, where Docker takes fractions. */
export const wholeSeconds = (s: number): number => Math.max(1, Math.ceil(s));

// IANA service names: letters, digits, single hyphens inside, at least one letter, ≤ 15.
const IANA_SVC_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9]|-(?=[a-z0-9])){0,14}$/;

/** A port's name for the container and the Service: its own when Kubernetes takes it, else "tcp-8080". */
export function portNames(ports: readonly Port[]): string[] {
  const used = new Set<string>();
  return ports.map((port, i) => {
    let name = port.name !== undefined && IANA_SVC_NAME.test(port.name) ? port.name : `${port.protocol}-${port.port}`;
    if (used.has(name)) name = `p${i}-${port.port}`;
    used.add(name);
    return name;
  });
}

export const protocolOf = (port: Port): 'TCP' | 'UDP' => (port.protocol === 'udp' ? 'UDP' : 'TCP');
