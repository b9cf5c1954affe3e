// Align and distribute: pure maths on node boxes (absolute canvas coordinates), new top-left corners out.
import type { Point } from '../../../stores/topology-edits.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Alignment = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';
export type Axis = 'horizontal' | 'vertical';

export const ALIGNMENTS: readonly Alignment[] = ['left', 'center', 'right', 'top', 'middle', 'bottom'];
/** Align needs two nodes; distribute three (the two outermost stay, the rest share the space between). */
export const MIN_ALIGN = 2;
export const MIN_DISTRIBUTE = 3;

/** The boxes lined up on the selection's edge or centre line; fewer than two: no change. */
export function alignBoxes(boxes: ReadonlyMap<string, Box>, how: Alignment): Map<string, Point> {
  const out = new Map<string, Point>();
  const all = [...boxes.values()];
  if (all.length < MIN_ALIGN) return out;
  const left = Math.min(...all.map((b) => b.x));
  const right = Math.max(...all.map((b) => b.x + b.width));
  const top = Math.min(...all.map((b) => b.y));
  const bottom = Math.max(...all.map((b) => b.y + b.height));
  for (const [id, b] of boxes) {
    const x =
      how === 'left' ? left : how === 'right' ? right - b.width : how === 'center' ? (left + right) / 2 - b.width / 2 : b.x;
    const y =
      how === 'top' ? top : how === 'bottom' ? bottom - b.height : how === 'middle' ? (top + bottom) / 2 - b.height / 2 : b.y;
    out.set(id, { x: Math.round(x), y: Math.round(y) });
  }
  return out;
}

/**
 * The boxes spread along an axis with equal gaps between neighbours, the outermost two kept
 * where they are (ordered by their centres); fewer than three: no change.
 */
export function distributeBoxes(boxes: ReadonlyMap<string, Box>, axis: Axis): Map<string, Point> {
  const out = new Map<string, Point>();
  if (boxes.size < MIN_DISTRIBUTE) return out;
  const start = (b: Box): number => (axis === 'horizontal' ? b.x : b.y);
  const size = (b: Box): number => (axis === 'horizontal' ? b.width : b.height);
  const order = [...boxes].sort(([, a], [, b]) => start(a) + size(a) / 2 - (start(b) + size(b) / 2));
  const first = order[0]![1];
  const last = order.at(-1)![1];
  const span = start(last) + size(last) - start(first);
  const gap = (span - order.reduce((sum, [, b]) => sum + size(b), 0)) / (order.length - 1);
  let at = start(first);
  for (const [id, b] of order) {
    const p = axis === 'horizontal' ? { x: at, y: b.y } : { x: b.x, y: at };
    out.set(id, { x: Math.round(p.x), y: Math.round(p.y) });
    at += size(b) + gap;
  }
  return out;
}
