import type { ChaosActionName } from '../../../src-preload/contract/bring-up.js';
import { faultOccurrences, type Fault, type Topology } from '../../../src-preload/contract/index.js';
import type { BringUpPlan } from './plan.js';

export interface ScheduledChaos {
  /** Scenario time of the step, in milliseconds after the start. */
  atMs: number;
  action: ChaosActionName;
  node: string;
  container: string;
  /** The fault it comes from, e.g. `scenario.faults[2] pod-kill`. */
  from: string;
}

export interface ScenarioChaos {
  steps: ScheduledChaos[];
  /** Faults real containers cannot act out (traffic shaping, load), said why. */
  skipped: Array<{ fault: string; reason: string }>;
}

/**
 * The document's planned faults as chaos on its brought-up containers: a pod-kill kills
 * `count` replicas, a db-primary-failure kills the first, a pod-failure pauses `count`
 * replicas and a region-outage every container in the region, for `durationS` (then unpauses them; without a duration they stay
 * paused until the scenario ends). Faults on traffic or load stay simulated only.
 */
export function scenarioChaos(doc: Topology, plan: BringUpPlan): ScenarioChaos {
  const steps: ScheduledChaos[] = [];
  const skipped: ScenarioChaos['skipped'] = [];
  const containersOf = (node: string): string[] => plan.nodes.find((n) => n.node === node)?.containers.map((c) => c.name) ?? [];
  const inGroup = (group: string): string[] => {
    const groups = new Set([group]);
    // Zones of a region and regions of a cloud go down with it.
    for (let grew = true; grew; ) {
      grew = false;
      for (const [id, g] of Object.entries(doc.groups)) {
        if (g.parent !== undefined && groups.has(g.parent) && !groups.has(id)) {
          groups.add(id);
          grew = true;
        }
      }
    }
    return Object.keys(doc.nodes).filter((id) => {
      const g = doc.nodes[id]!.group;
      return g !== undefined && groups.has(g);
    });
  };

  // A repeated fault acts once per occurrence; the second and later are named `#2`, `#3`, ….
  const planned = doc.scenario.faults.flatMap((fault: Fault, i) => faultOccurrences(fault).map((once, k) => ({ fault: once, first: k === 0, from: `scenario.faults[${i}] ${fault.type}${k > 0 ? ` #${k + 1}` : ''}` })));
  planned.forEach(({ fault, first, from }) => {
    const atMs = fault.at * 1000;
    const add = (action: ChaosActionName, node: string, container: string, at = atMs): void => void steps.push({ atMs: at, action, node, container, from });
    const pauseFor = (nodes: string[], durationS: number | undefined, count = Infinity): void => {
      for (const node of nodes) {
        for (const container of containersOf(node).slice(0, count)) {
          add('pause', node, container);
          if (durationS !== undefined) add('unpause', node, container, atMs + durationS * 1000);
        }
      }
    };
    switch (fault.type) {
      case 'pod-kill':
        for (const container of containersOf(fault.target).slice(0, fault.count)) add('kill', fault.target, container);
        break;
      case 'db-primary-failure':
        for (const container of containersOf(fault.target).slice(0, 1)) add('kill', fault.target, container);
        break;
      case 'pod-failure':
        pauseFor([fault.target], fault.durationS, fault.count);
        break;
      case 'region-outage':
        pauseFor(doc.groups[fault.target] ? inGroup(fault.target) : [fault.target], fault.durationS);
        break;
      default:
        if (first) skipped.push({ fault: from, reason: `${fault.type} shapes traffic or load, which bring-up does not do to real containers; it stays simulated only.` });
        return;
    }
    // Said once for a repeated fault.
    if (first && !steps.some((s) => s.from === from)) skipped.push({ fault: from, reason: `"${fault.target}" has no brought-up container (no image, or zero replicas).` });
  });
  steps.sort((a, b) => a.atMs - b.atMs || a.container.localeCompare(b.container));
  return { steps, skipped };
}
