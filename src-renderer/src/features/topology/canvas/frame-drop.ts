// Frames as drop targets: which group a dropped node lands in, and where a dragged frame takes its members.
import type { Topology } from '../../../../../src-preload/contract/index.js';
import type { Point } from '../../../stores/topology-edits.js';
import { FRAME_PAD, FRAME_TITLE, frameId, NODE_HEIGHT, NODE_WIDTH, type FlowModel, type FrameFlowNode } from './flow-model.js';
import { layoutPositions } from './layout.js';

/** The innermost group whose frame holds `point` (document coordinates); null outside every frame. */
export function groupAt(model: FlowModel, point: Point): string | null {
  let best: FrameFlowNode | null = null;
  for (const n of model.nodes) {
    if (n.type !== 'frame') continue;
    const o = model.origins.get(n.id);
    if (!o || point.x < o.x || point.y < o.y || point.x > o.x + (n.width ?? 0) || point.y > o.y + (n.height ?? 0)) continue;
    if (!best || n.data.depth > best.data.depth) best = n;
  }
  return best?.data.group ?? null;
}

/**
 * Where dropped nodes go: each at its new position, in the group whose frame holds its centre
 * (none outside every frame). `changed` says whether any membership changes.
 */
export function dropMoves(doc: Topology, model: FlowModel, dropped: ReadonlyMap<string, Point>): { moves: Map<string, { position: Point; group: string | null }>; changed: boolean } {
  const moves = new Map<string, { position: Point; group: string | null }>();
  let changed = false;
  for (const [id, position] of dropped) {
    const node = doc.nodes[id];
    if (!node) continue;
    const group = groupAt(model, { x: position.x + NODE_WIDTH / 2, y: position.y + NODE_HEIGHT / 2 });
    const current = node.group !== undefined && node.group in doc.groups ? node.group : null;
    if (group !== current) changed = true;
    moves.set(id, { position, group });
  }
  return { moves, changed };
}

/** The group and every group inside it. */
function withSubgroups(doc: Topology, group: string): Set<string> {
  const out = new Set([group]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, g] of Object.entries(doc.groups))
      if (g.parent !== undefined && out.has(g.parent) && !out.has(id)) {
        out.add(id);
        grew = true;
      }
  }
  return out;
}

/** The new positions of a frame's members (its subgroups' too) when the frame moved from `from` to `to`. */
export function frameMemberMoves(doc: Topology, group: string, from: Point, to: Point): Map<string, Point> {
  const dx = Math.round(to.x - from.x);
  const dy = Math.round(to.y - from.y);
  const out = new Map<string, Point>();
  if (dx === 0 && dy === 0) return out;
  const inside = withSubgroups(doc, group);
  const drawn = layoutPositions(doc);
  for (const [id, node] of Object.entries(doc.nodes)) {
    if (node.group === undefined || !inside.has(node.group)) continue;
    const p = drawn.get(id)!;
    out.set(id, { x: p.x + dx, y: p.y + dy });
  }
  return out;
}

/**
 * The document with an empty group's frame stored where it was dropped (`group.position` is the
 * room inside the frame, as flow-model draws it); the same document when the group is not drawn.
 */
export function moveEmptyGroup(doc: Topology, model: FlowModel, group: string, from: Point, to: Point): Topology {
  const frame = model.nodes.find((n) => n.id === frameId(group));
  const origin = model.origins.get(frameId(group));
  const g = doc.groups[group];
  if (!frame || !origin || !g || (to.x === from.x && to.y === from.y)) return doc;
  const position = {
    x: Math.round(origin.x + FRAME_PAD + to.x - from.x),
    y: Math.round(origin.y + FRAME_PAD + FRAME_TITLE + to.y - from.y),
    width: Math.max(1, (frame.width ?? 0) - 2 * FRAME_PAD),
    height: Math.max(1, (frame.height ?? 0) - 2 * FRAME_PAD - FRAME_TITLE),
  };
  return { ...doc, groups: { ...doc.groups, [group]: { ...g, position } } };
}
