// Auto-layout with elkjs: layered, left to right along the work flow, groups as compound nodes.
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { LinkType, Topology } from '../../../../../src-preload/contract/index.js';
import type { Point } from '../../../stores/topology-edits.js';
import { FRAME_PAD, FRAME_TITLE, NODE_HEIGHT, NODE_WIDTH } from './flow-model.js';

/** Links drawn against the work flow, turned round for layering: a consumer pulls from Kafka, Prometheus scrapes, Grafana queries. */
const REVERSED = new Set<LinkType>(['consume', 'scrape', 'query']);

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Edges between nodes in different groups are laid out together with the groups' insides.
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '40',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
};
/** A group's padding: exactly the room flow-model gives a frame around its members (title on top). */
const GROUP_PADDING = `[top=${FRAME_PAD + FRAME_TITLE},left=${FRAME_PAD},bottom=${FRAME_PAD},right=${FRAME_PAD}]`;

/** The document as an ELK graph: nodes inside their group's compound node, groups nested cloud ⊃ region ⊃ zone. */
export function elkGraph(doc: Topology): ElkNode {
  const valid = (g: string | undefined): g is string => g !== undefined && g in doc.groups;
  // A group whose parents loop back to it sits at the top level (the validator reports the loop).
  const parentOf = (g: string): string | null => {
    const seen = new Set([g]);
    for (let p = doc.groups[g]!.parent; valid(p); p = doc.groups[p]!.parent) {
      if (seen.has(p)) return null;
      seen.add(p);
    }
    const p = doc.groups[g]!.parent;
    return valid(p) ? p : null;
  };
  const compounds = new Map<string, ElkNode>();
  for (const g of Object.keys(doc.groups)) compounds.set(g, { id: `group:${g}`, layoutOptions: { 'elk.padding': GROUP_PADDING }, children: [] });
  const root: ElkNode = { id: 'root', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  for (const [g, node] of compounds) {
    const p = parentOf(g);
    (p !== null ? compounds.get(p)! : root).children!.push(node);
  }
  for (const [id, node] of Object.entries(doc.nodes)) {
    const leaf: ElkNode = { id, width: NODE_WIDTH, height: NODE_HEIGHT };
    (valid(node.group) ? compounds.get(node.group)! : root).children!.push(leaf);
  }
  // An empty group still needs a size, or ELK gives it none.
  for (const c of compounds.values()) if (c.children!.length === 0) Object.assign(c, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const edges: ElkExtendedEdge[] = [];
  const seen = new Set<string>();
  doc.links.forEach((l, i) => {
    if (!(l.from in doc.nodes) || !(l.to in doc.nodes) || l.from === l.to) return;
    const [a, b] = REVERSED.has(l.type) ? [l.to, l.from] : [l.from, l.to];
    if (seen.has(`${a}\u0000${b}`)) return;
    seen.add(`${a}\u0000${b}`);
    edges.push({ id: `link-${i}`, sources: [a], targets: [b] });
  });
  root.edges = edges;
  return root;
}

/** Every document node's new top-left corner (absolute, whole numbers) from ELK's result, whose children sit relative to their parent. */
export function positionsOf(laid: ElkNode, doc: Topology): Map<string, Point> {
  const out = new Map<string, Point>();
  const walk = (n: ElkNode, ox: number, oy: number): void => {
    for (const c of n.children ?? []) {
      const x = ox + (c.x ?? 0);
      const y = oy + (c.y ?? 0);
      if (c.id in doc.nodes) out.set(c.id, { x: Math.round(x), y: Math.round(y) });
      walk(c, x, y);
    }
  };
  walk(laid, 0, 0);
  return out;
}

/** The document laid out by `elk` (the worker in the app, the bundled one in tests): new positions for every node. */
export async function autoLayout(doc: Topology, elk: Pick<ELK, 'layout'>): Promise<Map<string, Point>> {
  return positionsOf(await elk.layout(elkGraph(doc)), doc);
}
