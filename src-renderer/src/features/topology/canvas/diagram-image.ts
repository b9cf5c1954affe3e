// The diagram as a picture, the way React Flow's own example does it: the viewport element
// rendered by html-to-image with a transform that fits the nodes' bounds into the image.
import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import type { DiagramFormat } from '../../../stores/diagram-slice.js';
import type { FlowNode } from './flow-model.js';

/** Room around the drawing, in image pixels. */
const PADDING = 24;
/** The longer side of the image at most: a 500-node diagram stays a file people can open. */
const MAX_SIDE = 8192;

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Handles and the selection box are for editing, not for the picture. */
const keep = (el: HTMLElement): boolean => !el.classList?.contains('react-flow__handle') && !el.classList?.contains('react-flow__nodesselection');

/**
 * A data URL of the whole diagram (every node, not only those on screen) at 1:1 scale or
 * smaller, on the canvas's background colour.
 */
export async function renderDiagram(flow: ReactFlowInstance<FlowNode>, canvas: HTMLElement, format: DiagramFormat): Promise<string> {
  const viewport = canvas.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('The diagram is not drawn yet.');
  const nodes = flow.getNodes();
  if (nodes.length === 0) throw new Error('The diagram has no nodes to export.');
  // Nodes off screen may not be in the page (onlyRenderVisibleElements): show them all while rendering.
  const saved = flow.getViewport();
  const hidden = viewport.querySelectorAll('.react-flow__node').length < nodes.length;
  if (hidden) {
    await flow.fitView({ duration: 0 });
    await nextFrame();
    await nextFrame();
  }
  // html-to-image copies computed styles to the SVG root but not to its paths, which then
  // inherit no stroke: pin each edge's drawn stroke on it while the picture is taken.
  const paths = [...viewport.querySelectorAll<SVGElement>('.react-flow__edge-path')].map((el) => ({ el, stroke: el.style.stroke }));
  for (const p of paths) p.el.style.stroke = getComputedStyle(p.el).stroke;
  try {
    const bounds = flow.getNodesBounds(nodes);
    const zoom = Math.min(1, MAX_SIDE / Math.max(bounds.width, bounds.height));
    const width = Math.ceil(bounds.width * zoom + 2 * PADDING);
    const height = Math.ceil(bounds.height * zoom + 2 * PADDING);
    const v = getViewportForBounds(bounds, width, height, zoom, zoom, `${PADDING}px`);
    const options = {
      backgroundColor: getComputedStyle(canvas).backgroundColor,
      width,
      height,
      pixelRatio: 1,
      filter: keep,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${v.x}px, ${v.y}px) scale(${v.zoom})` },
    };
    return format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  } finally {
    for (const p of paths) p.el.style.stroke = p.stroke;
    if (hidden) await flow.setViewport(saved);
  }
}
