import { linkSchema, nodeSchema, NODE_KINDS, type Link, type LinkType, type NodeKind, type Topology, type TopologyNode } from '../../../src-preload/contract/index.js';

export interface Point {
  x: number;
  y: number;
}

/** What a kind needs beyond the schema's defaults to be a valid node. */
const REQUIRED: Partial<Record<NodeKind, Record<string, unknown>>> = {
  'traffic-source': { rate: { type: 'constant', rps: 50 } },
  'app-service': { serviceTime: { default: { type: 'exponential', meanMs: 10 } } },
  'ml-inference': { purpose: 'anomaly-detection', serviceTime: { default: { type: 'exponential', meanMs: 20 } } },
};

/** The id stem for a kind: `app-service` → `api`, otherwise the kind itself. */
const STEM: Partial<Record<NodeKind, string>> = { 'app-service': 'api', 'traffic-source': 'users', 'load-balancer': 'lb', 'ml-inference': 'ml' };

export const PALETTE_KINDS: readonly NodeKind[] = NODE_KINDS;

/** A fresh id for a new node of `kind`: the stem, or the stem with the first free number from 2 (`api-2`). */
export function freshNodeId(doc: Topology, kind: NodeKind): string {
  const stem = STEM[kind] ?? kind;
  const taken = (id: string): boolean => id in doc.nodes || id in doc.groups;
  if (!taken(stem)) return stem;
  for (let n = 2; ; n++) if (!taken(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** The document with a new node of `kind` at `position`, its defaults filled in by the contract's schema. */
export function addNode(doc: Topology, kind: NodeKind, position: { x: number; y: number }): { doc: Topology; id: string } {
  const id = freshNodeId(doc, kind);
  const node = nodeSchema.parse({ kind, ...REQUIRED[kind], position: { x: Math.round(position.x), y: Math.round(position.y) } });
  return { doc: { ...doc, nodes: { ...doc.nodes, [id]: node } }, id };
}

/** The document without these nodes (and every link that touches one) and without the links at these indexes. */
export function deleteItems(doc: Topology, nodeIds: readonly string[], linkIndexes: readonly number[] = []): Topology {
  const gone = new Set(nodeIds.filter((id) => id in doc.nodes));
  const dropLinks = new Set(linkIndexes);
  if (gone.size === 0 && ![...dropLinks].some((i) => i >= 0 && i < doc.links.length)) return doc;
  const nodes = Object.fromEntries(Object.entries(doc.nodes).filter(([id]) => !gone.has(id)));
  const links = doc.links.filter((l, i) => !dropLinks.has(i) && !gone.has(l.from) && !gone.has(l.to));
  return { ...doc, nodes, links };
}

/** The link types that make sense from `from` to `to`, the usual one first. */
export function linkTypesFor(doc: Topology, from: string, to: string): LinkType[] {
  const a = doc.nodes[from]?.kind;
  const b = doc.nodes[to]?.kind;
  if (a === undefined || b === undefined) return [];
  if (a === 'prometheus') return ['scrape', 'call'];
  if (b === 'kafka' && a !== 'kafka') return ['publish', 'call'];
  if (a === 'kafka' && b !== 'kafka') return ['consume', 'call'];
  if (a === 'postgres' && b === 'postgres') return ['replication', 'call'];
  if (a === 'grafana' || a === 'thanos') return ['query', 'call'];
  if (a === 'logstash' || b === 'elasticsearch') return ['logs', 'call'];
  return ['call'];
}

/** Why a link of `type` from `from` to `to` cannot be added, or null when it can. */
export function linkRefusal(doc: Topology, from: string, to: string, type: LinkType): string | null {
  if (!doc.nodes[from] || !doc.nodes[to]) return 'Both ends must be nodes of the document.';
  if (from === to) return 'A node cannot link to itself.';
  if (doc.nodes[to].kind === 'traffic-source') return `"${to}" is a traffic source: nothing calls into it.`;
  if ((type === 'publish' && doc.nodes[to].kind !== 'kafka') || (type === 'consume' && doc.nodes[from].kind !== 'kafka'))
    return 'Publish goes into a Kafka node; consume comes out of one.';
  if (type === 'replication' && (doc.nodes[from].kind !== 'postgres' || doc.nodes[to].kind !== 'postgres')) return 'Replication links two PostgreSQL nodes.';
  if (type === 'scrape' && doc.nodes[from].kind !== 'prometheus') return 'Only Prometheus scrapes.';
  if (doc.links.some((l) => l.from === from && l.to === to && l.type === type)) return `There already is a ${type} link from "${from}" to "${to}".`;
  return null;
}

/** The document with a new link (defaults from the contract's link schema), or the reason it is refused. */
export function addLink(doc: Topology, from: string, to: string, type?: LinkType): { doc: Topology; link: Link } | { refused: string } {
  const chosen = type ?? linkTypesFor(doc, from, to)[0] ?? 'call';
  const refused = linkRefusal(doc, from, to, chosen);
  if (refused !== null) return { refused };
  const extra =
    chosen === 'publish' ? { topic: 'events' } : chosen === 'consume' ? { topic: 'events', group: to } : {};
  const link = linkSchema.parse({ type: chosen, from, to, ...extra });
  return { doc: { ...doc, links: [...doc.links, link] }, link };
}

/** The document with node `id` at `position`; the same document when it is already there. */
export function moveNodeTo(doc: Topology, id: string, position: { x: number; y: number }): Topology {
  const node = doc.nodes[id];
  if (!node || (node.position?.x === position.x && node.position.y === position.y)) return doc;
  return { ...doc, nodes: { ...doc.nodes, [id]: { ...node, position: { x: position.x, y: position.y } } } };
}

/** The document with each listed node at its new position; the same document when none moves. */
export function moveNodesTo(doc: Topology, positions: ReadonlyMap<string, Point>): Topology {
  let nodes: Topology['nodes'] | null = null;
  for (const [id, p] of positions) {
    const node = doc.nodes[id];
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    if (!node || (node.position?.x === x && node.position.y === y)) continue;
    nodes ??= { ...doc.nodes };
    nodes[id] = { ...node, position: { x, y } };
  }
  return nodes ? { ...doc, nodes } : doc;
}

/**
 * The document with nodes moved and placed in a group (`null`: in none); one edit for a drop
 * into or out of a frame. Unknown groups are refused by leaving the node's membership alone.
 */
export function placeNodes(doc: Topology, moves: ReadonlyMap<string, { position: Point; group: string | null }>): Topology {
  const moved = moveNodesTo(doc, new Map([...moves].map(([id, m]) => [id, m.position])));
  let nodes: Topology['nodes'] | null = null;
  for (const [id, { group }] of moves) {
    const node = moved.nodes[id];
    if (!node || (group !== null && !(group in doc.groups)) || (node.group ?? null) === group) continue;
    nodes ??= { ...moved.nodes };
    const { group: _old, ...rest } = node;
    nodes[id] = (group === null ? rest : { ...rest, group }) as TopologyNode;
  }
  return nodes ? { ...moved, nodes } : moved;
}
