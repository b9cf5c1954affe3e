import type { Topology } from '../../../../../src-preload/contract/index.js';

export interface Point {
  x: number;
  y: number;
}

export const COLUMN = 260;
export const ROW = 110;
/** Space between the bands of different groups: room for two levels of frame padding and titles. */
export const BAND_GAP = 176;

/** Call depth of every node: 0 for traffic sources, +1 per call link; unreached nodes after the deepest. */
export function callDepths(doc: Topology): Map<string, number> {
  const ids = Object.keys(doc.nodes);
  const depth = new Map<string, number>();
  const next = new Map<string, string[]>();
  for (const link of doc.links) {
    if (link.type !== 'call' && link.type !== 'publish' && link.type !== 'consume') continue;
    // A consumer pulls from the topic: the work flows broker → consumer.
    const [from, to] = link.type === 'consume' ? [link.to, link.from] : [link.from, link.to];
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  let frontier = ids.filter((id) => doc.nodes[id]!.kind === 'traffic-source');
  for (const id of frontier) depth.set(id, 0);
  for (let d = 1; frontier.length > 0; d++) {
    const found: string[] = [];
    for (const id of frontier)
      for (const to of next.get(id) ?? [])
        if (doc.nodes[to] && !depth.has(to)) {
          depth.set(to, d);
          found.push(to);
        }
    frontier = found;
  }
  const last = depth.size === 0 ? 0 : Math.max(...depth.values()) + 1;
  for (const id of ids) if (!depth.has(id)) depth.set(id, last);
  return depth;
}

/** Groups in tree order (each cloud, then its regions, then their zones), as the document lists them. */
export function groupOrder(doc: Topology): string[] {
  const ids = Object.keys(doc.groups);
  const out: string[] = [];
  const visit = (id: string, seen: Set<string>): void => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push(id);
    for (const child of ids) if (doc.groups[child]!.parent === id) visit(child, seen);
  };
  const seen = new Set<string>();
  for (const id of ids) {
    const parent = doc.groups[id]!.parent;
    if (parent === undefined || !doc.groups[parent]) visit(id, seen);
  }
  for (const id of ids) visit(id, seen); // cycles: still placed
  return out;
}

/**
 * Where every node goes: its own position when it has one; otherwise a column per call depth
 * and, within a column, a band per group (ungrouped first) so group frames stay apart.
 */
export function layoutPositions(doc: Topology): Map<string, Point> {
  const depths = callDepths(doc);
  const bands = ['', ...groupOrder(doc)];
  const bandOf = (id: string): string => {
    const g = doc.nodes[id]!.group;
    return g !== undefined && doc.groups[g] ? g : '';
  };
  // How many unplaced nodes each band holds in its fullest column.
  const rows = new Map<string, Map<number, number>>();
  for (const [id, node] of Object.entries(doc.nodes)) {
    if (node.position) continue;
    const band = rows.get(bandOf(id)) ?? new Map<number, number>();
    const d = depths.get(id)!;
    band.set(d, (band.get(d) ?? 0) + 1);
    rows.set(bandOf(id), band);
  }
  const top = new Map<string, number>();
  let y = 0;
  for (const band of bands) {
    const used = rows.get(band);
    if (!used) continue;
    top.set(band, y);
    y += Math.max(...used.values()) * ROW + BAND_GAP;
  }
  const filled = new Map<string, number>();
  const out = new Map<string, Point>();
  for (const [id, node] of Object.entries(doc.nodes)) {
    if (node.position) {
      out.set(id, { x: node.position.x, y: node.position.y });
      continue;
    }
    const band = bandOf(id);
    const d = depths.get(id)!;
    const slot = `${band}\u0000${d}`;
    const row = filled.get(slot) ?? 0;
    filled.set(slot, row + 1);
    out.set(id, { x: d * COLUMN, y: top.get(band)! + row * ROW });
  }
  return out;
}
