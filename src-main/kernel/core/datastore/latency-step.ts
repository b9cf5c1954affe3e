// A data-tier node whose work is one latency draw with no queue (a Redis lookup, a Kafka
// append): the visit is busy at the node from arrival to `done`, then recorded as completed.
import { PRIORITY_NORMAL, type EventKind } from '../../engine/simulator.js';
import type { DataHost } from './host.js';

/** Visit v starts its work at `node`; `done` is scheduled after `latencyMs`. */
export function beginStep(host: DataHost, node: number, v: number, latencyMs: number, done: EventKind): void {
  host.metrics[node]!.busy.add(host.sim.now, 1);
  host.pool.tStart[v] = host.sim.now;
  host.sim.schedule(latencyMs, PRIORITY_NORMAL, done, v);
}

/** The work of visit v at `node` is over: it counts as completed there. */
export function endStep(host: DataHost, node: number, v: number): void {
  const p = host.pool;
  const now = host.sim.now;
  const m = host.metrics[node]!;
  m.busy.add(now, -1);
  m.completed(p.cls[v]!, now - p.tArrive[v]!);
}
