// A network built directly (not through createRun) so data-tier tests can read the models'
// gauges and member counts while the run goes.
import { Simulator } from '../../../../src-main/kernel/engine/simulator.js';
import { Network } from '../../../../src-main/kernel/core/network.js';
import { buildPlan } from '../../../../src-main/kernel/core/plan.js';
import type { Topology } from '../../../../src-preload/contract/index.js';

export interface DataRun {
  sim: Simulator;
  net: Network;
  /** Advances to t seconds. */
  to(tS: number): void;
  /** Node index of an id. */
  at(id: string): number;
}

export function dataRun(doc: Topology, seed = doc.scenario.seed, durationS = doc.scenario.durationS): DataRun {
  const sim = new Simulator();
  const net = new Network(sim, buildPlan(doc), { seed, endMs: durationS * 1000, warmupMs: 0, maxInFlight: 1_000_000 });
  net.start();
  return {
    sim,
    net,
    to: (tS) => {
      sim.runUntil(tS * 1000);
    },
    at: (id) => {
      const i = net.plan.nodes.findIndex((n) => n.id === id);
      if (i < 0) throw new Error(`no node ${id}`);
      return i;
    },
  };
}
