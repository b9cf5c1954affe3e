import type { Topology } from '../../../../src-preload/contract/index.js';
import { documentPosition, NODE_HEIGHT, NODE_WIDTH, toFlow } from '../topology/canvas/flow-model.js';

export interface PreviewShapes {
  viewBox: string;
  frames: { x: number; y: number; width: number; height: number; type: string }[];
  nodes: { id: string; x: number; y: number; kind: string }[];
  links: { x1: number; y1: number; x2: number; y2: number }[];
}

/**
 * A template's diagram as plain shapes in canvas coordinates, laid out exactly as the canvas
 * will draw it when the template opens: frames for groups, a box per node, a line per link.
 */
export function previewShapes(doc: Topology): PreviewShapes {
  const model = toFlow(doc);
  const frames: PreviewShapes['frames'] = [];
  const nodes: PreviewShapes['nodes'] = [];
  const centres = new Map<string, { x: number; y: number }>();
  for (const n of model.nodes) {
    const at = documentPosition(n, model.origins);
    if (n.type === 'frame') frames.push({ x: at.x, y: at.y, width: n.width ?? 0, height: n.height ?? 0, type: n.data.type });
    else {
      nodes.push({ id: n.id, x: at.x, y: at.y, kind: n.data.kind });
      centres.set(n.id, { x: at.x + NODE_WIDTH / 2, y: at.y + NODE_HEIGHT / 2 });
    }
  }
  const links: PreviewShapes['links'] = [];
  for (const e of model.edges) {
    const a = centres.get(e.source);
    const b = centres.get(e.target);
    if (a && b) links.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  }
  const xs = [...frames.flatMap((f) => [f.x, f.x + f.width]), ...nodes.flatMap((n) => [n.x, n.x + NODE_WIDTH])];
  const ys = [...frames.flatMap((f) => [f.y, f.y + f.height]), ...nodes.flatMap((n) => [n.y, n.y + NODE_HEIGHT])];
  const pad = 20;
  const x0 = Math.min(0, ...xs) - pad;
  const y0 = Math.min(0, ...ys) - pad;
  const x1 = Math.max(0, ...xs) + pad;
  const y1 = Math.max(0, ...ys) + pad;
  return { viewBox: `${x0} ${y0} ${x1 - x0} ${y1 - y0}`, frames, nodes, links };
}
