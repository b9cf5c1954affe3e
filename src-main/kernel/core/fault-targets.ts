// Which nodes a fault hits: a node id names that node; a group id names every node in the
// group or in a group inside it (a region's zones). And the plan warnings for faults this
// version does not simulate.
import type { Fault } from '../../../src-preload/contract/topology/index.js';
import type { Plan } from './plan.js';

/** Node indexes hit by `target`; empty when it names nothing. */
export function faultTargets(plan: Pick<Plan, 'nodes' | 'groups'>, target: string): number[] {
  const direct = plan.nodes.findIndex((n) => n.id === target);
  if (direct >= 0) return [direct];
  if (!(target in plan.groups)) return [];
  const inside = (g: string | null): boolean => {
    // Bounded walk up the parents (a validated document has no cycles; stay safe anyway).
    for (let hops = 0; g !== null && hops < 64; hops++) {
      if (g === target) return true;
      g = plan.groups[g] ?? null;
    }
    return false;
  };
  const out: number[] = [];
  plan.nodes.forEach((n, i) => {
    if (inside(n.group)) out.push(i);
  });
  return out;
}

/** Fault types whose effect this version simulates (db-primary-failure and cache-flush by the data tier). */
export const SIMULATED_FAULTS: ReadonlySet<Fault['type']> = new Set([
  'pod-kill',
  'pod-failure',
  'network-delay',
  'network-loss',
  'region-outage',
  'network-partition',
  'network-bandwidth',
  'db-primary-failure',
  'cache-flush',
  'cpu-stress',
  'memory-stress',
]);

export function warnFaults(plan: Plan): void {
  const unsupported = new Set<string>();
  for (const f of plan.faults) {
    const where = `fault ${f.type} at ${f.at} s`;
    if (!SIMULATED_FAULTS.has(f.type)) {
      unsupported.add(f.type);
      continue;
    }
    const hit = faultTargets(plan, f.target);
    if (hit.length === 0) plan.warnings.push(`${where}: "${f.target}" is neither a node nor a group with nodes; nothing happens`);
    else if (f.type === 'network-partition' && f.from !== undefined && faultTargets(plan, f.from).length === 0) plan.warnings.push(`${where}: "${f.from}" is neither a node nor a group with nodes; nothing happens`);
    else if (f.type === 'db-primary-failure' && hit.every((i) => plan.nodes[i]!.behavior.type !== 'postgres')) plan.warnings.push(`${where}: ${f.target} has no PostgreSQL node; nothing happens`);
    else if (f.type === 'cache-flush' && hit.every((i) => plan.nodes[i]!.behavior.type !== 'cache')) plan.warnings.push(`${where}: ${f.target} has no Redis node; nothing happens`);
    else if (f.type === 'pod-kill' && hit.every((i) => plan.nodes[i]!.behavior.type !== 'station'))
      plan.warnings.push(`${where}: ${f.target} has no instances to kill (only services with replicas have them); nothing happens`);
    else if ((f.type === 'cpu-stress' || f.type === 'memory-stress') && hit.every((i) => plan.nodes[i]!.behavior.type !== 'station'))
      plan.warnings.push(`${where}: ${f.target} has no instances to stress (only services with replicas have them); nothing happens`);
  }
  for (const type of unsupported) plan.warnings.push(`${type} faults are not simulated yet`);
}
