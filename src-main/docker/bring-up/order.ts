import { ContractError, type Topology } from '../../../src-preload/contract/index.js';
import { clientAndServer } from '../../files/export-common.js';

export interface OrderedNode {
  node: string;
  /** The deployed nodes it depends on (servers of its links). */
  after: string[];
}

/**
 * Start order of the deployed nodes from the links: a client starts after its servers (the
 * compose export's direction). Ties go by id so the same document always starts the same way.
 * A cycle is an error naming its nodes: unlike the compose export, bring-up waits for each
 * node's health, and no order satisfies a cycle.
 */
export function startOrder(doc: Topology, deployed: ReadonlySet<string>): OrderedNode[] {
  const servers = new Map<string, Set<string>>();
  for (const id of deployed) servers.set(id, new Set());
  for (const link of doc.links) {
    const { client, server } = clientAndServer(link);
    if (client !== server && deployed.has(client) && deployed.has(server)) servers.get(client)!.add(server);
  }

  const done = new Set<string>();
  const order: OrderedNode[] = [];
  const ids = [...deployed].sort();
  while (order.length < ids.length) {
    const ready = ids.find((id) => !done.has(id) && [...servers.get(id)!].every((s) => done.has(s)));
    if (ready === undefined) throw cycleError(ids.filter((id) => !done.has(id)), servers);
    done.add(ready);
    order.push({ node: ready, after: [...servers.get(ready)!].sort() });
  }
  return order;
}

/** Walks from a blocked node along its unmet dependencies until a node repeats: that loop is the cycle. */
function cycleError(blocked: string[], servers: Map<string, Set<string>>): ContractError {
  const left = new Set(blocked);
  const path: string[] = [];
  let at = blocked[0]!;
  while (!path.includes(at)) {
    path.push(at);
    at = [...servers.get(at)!].sort().find((s) => left.has(s))!;
  }
  const cycle = [...path.slice(path.indexOf(at)), at];
  return new ContractError(
    'BAD_REQUEST',
    `These nodes depend on each other in a cycle, so no start order exists: ${cycle.join(' → ')}. Remove or reverse one of the links between them.`,
    'links',
  );
}
