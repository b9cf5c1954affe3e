// Health checks of load balancers and GeoDNS: a target (the node at the end of a call link)
// leaves rotation only when a check finds it down, and comes back when a check finds it up.
// Checks run every interval from time 0; only a change can alter their outcome, so a check is
// scheduled at the next tick after a target's state changes instead of at every tick.
import { PRIORITY_NORMAL, type EventKind, type Simulator } from '../engine/simulator.js';
import type { Plan } from './plan.js';

export class HealthChecks {
  /** Per link id: 1 while the balancer sends to its target. */
  readonly rotation: Uint8Array;
  /** Per node: balancers with a call link to it. */
  private readonly watchers: number[][];
  private readonly intervalMs: Float64Array;
  private readonly pending: Uint8Array;
  private readonly evCheck: EventKind;

  constructor(
    private readonly sim: Simulator,
    private readonly plan: Plan,
    private readonly isUp: (node: number) => boolean,
  ) {
    const n = plan.nodes.length;
    this.rotation = new Uint8Array(plan.links.length).fill(1);
    this.watchers = Array.from({ length: n }, () => []);
    this.intervalMs = new Float64Array(n);
    this.pending = new Uint8Array(n);
    plan.nodes.forEach((node, c) => {
      if (node.behavior.type !== 'chooser') return;
      this.intervalMs[c] = node.behavior.healthCheckMs;
      for (const k of node.out) {
        const to = plan.links[k]!.to;
        if (!this.watchers[to]!.includes(c)) this.watchers[to]!.push(c);
      }
    });
    this.evCheck = sim.register((c) => this.check(c));
  }

  /** Balancers know the state of their targets at the start. */
  start(): void {
    this.plan.nodes.forEach((node, c) => {
      if (node.behavior.type === 'chooser') this.check(c);
    });
  }

  /** Node `n` went up or down: each balancer in front of it sees that at its next check. */
  changed(n: number): void {
    const now = this.sim.now;
    for (const c of this.watchers[n]!) {
      if (this.pending[c] === 1) continue;
      const every = this.intervalMs[c]!;
      const at = every > 0 ? (Math.floor(now / every) + 1) * every : now;
      this.pending[c] = 1;
      this.sim.scheduleAt(at, PRIORITY_NORMAL, this.evCheck, c);
    }
  }

  private check(c: number): void {
    this.pending[c] = 0;
    const { links, nodes } = this.plan;
    for (const k of nodes[c]!.out) this.rotation[k] = this.isUp(links[k]!.to) ? 1 : 0;
  }
}
