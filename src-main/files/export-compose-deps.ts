import type { Topology } from '../../src-preload/contract/topology/index.js';
import { clientAndServer, note, type Notes } from './export-common.js';

export type DependsOn = Record<string, { condition: 'service_started' | 'service_healthy' }>;

/**
 * `depends_on` per service from the links between deployed nodes. Compose refuses a cycle,
 * and links of different types can form one (a scrape one way, a call the other), so an
 * edge that would close a cycle is left out and noted. Edges are taken in a fixed order
 * (client, then server) so the one left out is always the same.
 */
export function dependsOn(doc: Topology, deployed: ReadonlySet<string>, notes: Notes): Map<string, DependsOn> {
  const edges = new Map<string, Set<string>>();
  doc.links.forEach((link) => {
    const { client, server } = clientAndServer(link);
    if (client === server || !deployed.has(client) || !deployed.has(server)) return;
    let set = edges.get(client);
    if (!set) edges.set(client, (set = new Set()));
    set.add(server);
  });

  const kept = new Map<string, Set<string>>();
  const reaches = (from: string, target: string): boolean => {
    const stack = [from];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const at = stack.pop()!;
      if (at === target) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      for (const next of kept.get(at) ?? []) stack.push(next);
    }
    return false;
  };
  for (const client of [...edges.keys()].sort()) {
    for (const server of [...edges.get(client)!].sort()) {
      if (reaches(server, client)) {
        note(notes, 'warning', 'compose-dependency-cycle', `nodes.${client}`, `"${client}" also depends on "${server}", but "${server}" already waits for "${client}"; Compose refuses cycles, so this depends_on is left out.`);
        continue;
      }
      let set = kept.get(client);
      if (!set) kept.set(client, (set = new Set()));
      set.add(server);
    }
  }

  const out = new Map<string, DependsOn>();
  for (const [client, servers] of kept) {
    const entry: DependsOn = {};
    for (const server of [...servers].sort()) {
      // Wait for health where the server has a check: a database that has started is not yet ready.
      entry[server] = { condition: doc.nodes[server]?.healthCheck ? 'service_healthy' : 'service_started' };
    }
    out.set(client, entry);
  }
  return out;
}
