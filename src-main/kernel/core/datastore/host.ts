// What the data-tier models need from the request flow, and nothing more: the network
// implements it once, so its own restructuring does not reach into the models.
import type { Simulator } from '../../engine/simulator.js';
import type { NodeMetrics } from '../node-metrics.js';
import type { EventLog } from '../records.js';
import type { VisitPool } from '../visits.js';

export interface DataHost {
  readonly sim: Simulator;
  readonly pool: VisitPool;
  readonly metrics: readonly NodeMetrics[];
  readonly events: EventLog;
  /** The node's own work on visit v is done (its metrics recorded): it makes its calls, then responds. */
  proceed(v: number): void;
  /** Visit v fails at its node (rejected, refused, or its server went down) and responds with an error. */
  fail(v: number): void;
  /**
   * Starts a visit nobody waits for (a Kafka consumption) at node `to` after `latencyMs`, always
   * through the event queue (never at once, so the caller can tag the id first); returns its id.
   * When it ends the network calls the tier's `detachedDone`.
   */
  dispatch(to: number, cls: number, latencyMs: number): number;
}
