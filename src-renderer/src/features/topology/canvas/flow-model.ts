import type { Edge, Node } from '@xyflow/react';
import type { Finding, LinkType, Topology, TopologyNode } from '../../../../../src-preload/contract/index.js';
import { nodeOfPath } from '../node-of-path.js';
import { groupOrder, layoutPositions, type Point } from './layout.js';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 56;
/** Room around the members inside a group frame (the top holds its title). */
export const FRAME_PAD = 24;
export const FRAME_TITLE = 28;
/** Fit view leaves room for the palette (left) and the canvas toolbar (top), so no node hides under them. */
export const FIT_VIEW = { padding: { left: '190px', top: '56px', right: '10%', bottom: '10%' } } as const;
/** Size of the frame of a group without members, so there is something to drop nodes into. */
export const EMPTY_FRAME = { width: 240, height: 112 };
/** The part of a frame that drags it (the rest of it pans the canvas, as empty canvas does). */
export const FRAME_HANDLE = 'canvas-frame-title';

export type DeviceNodeData = { id: string; label: string; kind: TopologyNode['kind']; findings: number };
export type FrameNodeData = { group: string; label: string; type: 'cloud' | 'region' | 'zone'; depth: number };
export type DeviceFlowNode = Node<DeviceNodeData, 'device'>;
export type FrameFlowNode = Node<FrameNodeData, 'frame'>;
export type FlowNode = DeviceFlowNode | FrameFlowNode;

export interface FlowModel {
  nodes: FlowNode[];
  edges: Edge[];
  /** Top-left corner of each frame on the canvas, to turn a member's relative position back into the document's. */
  origins: Map<string, Point>;
}

export const frameId = (group: string): string => `group:${group}`;

const DASH: Record<LinkType, string | undefined> = {
  call: undefined,
  publish: '6 4',
  consume: '6 4',
  replication: '2 4',
  scrape: undefined,
  logs: undefined,
  query: undefined,
};
const THIN = new Set<LinkType>(['scrape', 'logs', 'query']);

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The document as React Flow nodes and edges: document nodes at their absolute positions,
 * groups as frames around their members (frames are parents, so members sit relative to them).
 */
export function toFlow(doc: Topology, selected: string | null = null, findings: Finding[] = []): FlowModel {
  const at = layoutPositions(doc);
  const counts = new Map<string, number>();
  for (const f of findings) {
    const id = nodeOfPath(f.path);
    if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const groupOf = (g: string | undefined): string | null => (g !== undefined && doc.groups[g] ? g : null);

  // Frames: the box around their member nodes and child frames, innermost first.
  const boxes = new Map<string, Box>();
  const grow = (g: string, box: Box, seen = new Set<string>()): void => {
    if (seen.has(g)) return;
    seen.add(g);
    const b = boxes.get(g);
    boxes.set(g, b ? { x0: Math.min(b.x0, box.x0), y0: Math.min(b.y0, box.y0), x1: Math.max(b.x1, box.x1), y1: Math.max(b.y1, box.y1) } : box);
    const parent = groupOf(doc.groups[g]!.parent);
    if (parent !== null) grow(parent, padded(boxes.get(g)!), seen);
  };
  const padded = (b: Box): Box => ({ x0: b.x0 - FRAME_PAD, y0: b.y0 - FRAME_PAD - FRAME_TITLE, x1: b.x1 + FRAME_PAD, y1: b.y1 + FRAME_PAD });
  for (const [id, node] of Object.entries(doc.nodes)) {
    const g = groupOf(node.group);
    const p = at.get(id)!;
    if (g !== null) grow(g, { x0: p.x, y0: p.y, x1: p.x + NODE_WIDTH, y1: p.y + NODE_HEIGHT });
  }
  placeEmptyGroups(doc, at, boxes, grow);
  // Growing a child after its parent leaves the parent short: settle until nothing changes.
  for (let changed = true, rounds = 0; changed && rounds < 16; rounds++) {
    changed = false;
    for (const [g, b] of boxes) {
      const parent = groupOf(doc.groups[g]!.parent);
      if (parent === null) continue;
      const pb = boxes.get(parent)!;
      const need = padded(b);
      if (need.x0 < pb.x0 || need.y0 < pb.y0 || need.x1 > pb.x1 || need.y1 > pb.y1) {
        boxes.set(parent, { x0: Math.min(pb.x0, need.x0), y0: Math.min(pb.y0, need.y0), x1: Math.max(pb.x1, need.x1), y1: Math.max(pb.y1, need.y1) });
        changed = true;
      }
    }
  }

  const origins = new Map<string, Point>();
  const frames: FrameFlowNode[] = [];
  const depthOf = (g: string): number => {
    let d = 0;
    for (let p = groupOf(doc.groups[g]!.parent), seen = new Set([g]); p !== null && !seen.has(p); p = groupOf(doc.groups[p]!.parent)) {
      seen.add(p);
      d++;
    }
    return d;
  };
  // Parents before children, as React Flow needs.
  const ordered = [...boxes.keys()].sort((a, b) => depthOf(a) - depthOf(b));
  for (const g of ordered) {
    const outer = padded(boxes.get(g)!);
    origins.set(frameId(g), { x: outer.x0, y: outer.y0 });
    const group = doc.groups[g]!;
    const parent = groupOf(group.parent);
    const base = parent !== null && boxes.has(parent) ? origins.get(frameId(parent))! : { x: 0, y: 0 };
    frames.push({
      id: frameId(g),
      type: 'frame',
      position: { x: outer.x0 - base.x, y: outer.y0 - base.y },
      width: outer.x1 - outer.x0,
      height: outer.y1 - outer.y0,
      ...(parent !== null && boxes.has(parent) ? { parentId: frameId(parent) } : {}),
      data: { group: g, label: group.label ?? g, type: group.type, depth: depthOf(g) },
      dragHandle: `.${FRAME_HANDLE}`,
      selectable: false,
      deletable: false,
      zIndex: -1 - (10 - depthOf(g)),
    });
  }

  const devices: DeviceFlowNode[] = Object.entries(doc.nodes).map(([id, node]) => {
    const p = at.get(id)!;
    const g = groupOf(node.group);
    const base = g !== null ? origins.get(frameId(g))! : { x: 0, y: 0 };
    return {
      id,
      type: 'device',
      position: { x: p.x - base.x, y: p.y - base.y },
      ...(g !== null ? { parentId: frameId(g) } : {}),
      data: { id, label: node.label ?? id, kind: node.kind, findings: counts.get(id) ?? 0 },
      selected: id === selected,
    };
  });

  const edges: Edge[] = doc.links.flatMap((link, i) =>
    doc.nodes[link.from] && doc.nodes[link.to]
      ? [
          {
            id: `link-${i}`,
            source: link.from,
            target: link.to,
            className: `link link-${link.type}`,
            data: { type: link.type },
            ...(link.label !== undefined ? { label: link.label } : {}),
            style: { strokeWidth: THIN.has(link.type) ? 1 : 2, ...(DASH[link.type] ? { strokeDasharray: DASH[link.type] } : {}) },
          },
        ]
      : [],
  );
  return { nodes: [...frames, ...devices], edges, origins };
}

/**
 * Groups without members still get a frame (at their stored position, else in a row under the
 * drawing), innermost first so an empty region sits inside its cloud's frame.
 */
function placeEmptyGroups(doc: Topology, at: Map<string, Point>, boxes: Map<string, Box>, grow: (g: string, box: Box) => void): void {
  const ys = [...[...at.values()].map((p) => p.y + NODE_HEIGHT), ...[...boxes.values()].map((b) => b.y1 + FRAME_PAD)];
  const below = (ys.length > 0 ? Math.max(...ys) : 0) + 2 * (FRAME_PAD + FRAME_TITLE);
  let x = 0;
  for (const g of groupOrder(doc).reverse()) {
    if (boxes.has(g)) continue;
    const stored = doc.groups[g]!.position;
    const box = stored
      ? { x0: stored.x, y0: stored.y, x1: stored.x + stored.width, y1: stored.y + stored.height }
      : { x0: x, y0: below, x1: x + EMPTY_FRAME.width, y1: below + EMPTY_FRAME.height };
    if (!stored) x += EMPTY_FRAME.width + 4 * FRAME_PAD;
    grow(g, box);
  }
}

/** Where a dragged flow node now sits in document coordinates (members are relative to their frame). */
export function documentPosition(node: Pick<Node, 'position' | 'parentId'>, origins: Map<string, Point>): Point {
  const base = node.parentId !== undefined ? (origins.get(node.parentId) ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
  return { x: Math.round(node.position.x + base.x), y: Math.round(node.position.y + base.y) };
}

/** The document link index behind an edge id (`link-3` → 3); null for anything else. */
export function linkIndexOf(edgeId: string): number | null {
  const m = /^link-(\d+)$/.exec(edgeId);
  return m ? Number(m[1]) : null;
}
