/** The links that carry requests, by the direction the work flows (a consumer pulls from its topic). */
interface LinkLike {
  type: string;
  from: string;
  to: string;
}

const CARRIES = new Set(['call', 'publish', 'consume']);

/** Caller and callee of a link as the work flows; null for links that carry no requests. */
export function workFlow(link: LinkLike): { caller: string; callee: string } | null {
  if (!CARRIES.has(link.type)) return null;
  return link.type === 'consume' ? { caller: link.to, callee: link.from } : { caller: link.from, callee: link.to };
}

/**
 * Requests per second on each link (NaN: carries none or no data): the callee's throughput,
 * shared among the links into it by their callers' throughput (equally when the callers have
 * no figure). An approximation: fan-out and retries make one caller's share larger than its
 * own throughput, but the share of the callee's load stays right.
 */
export function linkLoads(links: readonly LinkLike[], throughput: (node: string) => number): number[] {
  const into = new Map<string, number[]>();
  links.forEach((l, i) => {
    const flow = workFlow(l);
    if (flow) into.set(flow.callee, [...(into.get(flow.callee) ?? []), i]);
  });
  return links.map((l, index) => {
    const flow = workFlow(l);
    if (!flow) return NaN;
    const total = throughput(flow.callee);
    if (!Number.isFinite(total)) return NaN;
    const peers = into.get(flow.callee)!;
    const weights = peers.map((i) => {
      const w = throughput(workFlow(links[i]!)!.caller);
      return Number.isFinite(w) && w > 0 ? w : 0;
    });
    const sum = weights.reduce((a, b) => a + b, 0);
    const mine = weights[peers.indexOf(index)]!;
    return sum > 0 ? (total * mine) / sum : total / peers.length;
  });
}

/** Edge stroke width for a load: 1 px idle, up to 8 px at the busiest link. */
export function loadWidth(load: number, busiest: number): number {
  if (!Number.isFinite(load) || !(busiest > 0)) return 1;
  return 1 + 7 * Math.min(1, load / busiest);
}
