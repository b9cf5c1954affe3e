/**
 * The events near a moment: those within `reachMs` of it (indices into `times`). The charts'
 * pointer snaps to a frame, so half a frame interval either side covers the events of that frame.
 */
export function eventsNear(times: readonly number[], atMs: number | null, reachMs: number): Set<number> {
  const out = new Set<number>();
  if (atMs === null) return out;
  times.forEach((t, i) => {
    if (Math.abs(t - atMs) <= reachMs) out.add(i);
  });
  return out;
}
