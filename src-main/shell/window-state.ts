// The main window's remembered size and place, and where to put it back so that it is
// always on a screen the person can see (a monitor may have been unplugged since).
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;

const finite = z.number().finite();
export const windowStateSchema = z.object({
  bounds: z.object({ x: finite, y: finite, width: finite.positive(), height: finite.positive() }),
  maximized: z.boolean(),
  fullScreen: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** A saved state, or null when it is missing or not one of ours; never throws. */
export function parseWindowState(value: unknown): WindowState | null {
  const parsed = windowStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const overlap = (a: Rect, b: Rect): number => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
};

const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), high);

/**
 * Bounds to open the window with. It goes on the display the saved window overlapped
 * most (the primary one when it overlaps none), no larger than that display's work
 * area and entirely inside it.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): Rect {
  const wanted = saved?.bounds;
  let area = primary;
  let best = 0;
  if (wanted) {
    for (const candidate of workAreas) {
      const shared = overlap(wanted, candidate);
      if (shared > best) [area, best] = [candidate, shared];
    }
  }
  const width = Math.round(clamp(wanted?.width ?? DEFAULT_SIZE.width, Math.min(MIN_SIZE.width, area.width), area.width));
  const height = Math.round(clamp(wanted?.height ?? DEFAULT_SIZE.height, Math.min(MIN_SIZE.height, area.height), area.height));
  if (!wanted || best === 0) {
    return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
  }
  return {
    x: Math.round(clamp(wanted.x, area.x, area.x + area.width - width)),
    y: Math.round(clamp(wanted.y, area.y, area.y + area.height - height)),
    width,
    height,
  };
}
