// What the learned policy sees at each sync, every feature scaled to about [-1, 2] so one
// small network serves any node: the order below is the policy's input order, and the RL
// trainer (src-main/ml/rl) and saved policies depend on it.
import type { PeriodMeasure } from './scaling-period.js';

export const OBSERVATION_FEATURES = [
  /** Busy / ready servers over the period (0 with none ready), at most 1.5. */
  'utilisation',
  /** Requests waiting per ready server, squashed: tanh(queue / servers). */
  'queue-per-server',
  /** Offered load per ready server (arrival rate × service time / servers), at most 2. */
  'load-per-server',
  /** Change of the arrival rate since the last sync, relative, in [-1, 1]. */
  'arrival-trend',
  /** Replicas / maxReplicas. */
  'replica-share',
  /** Mean time in the node / the SLO's p99 latency, at most 2. */
  'latency-vs-slo',
  /** Failed or turned-away share of the arrivals. */
  'failure-share',
] as const;
export const OBSERVATION_SIZE = OBSERVATION_FEATURES.length;

export interface ObservationContext {
  replicas: number;
  maxReplicas: number;
  sloLatencyMs: number;
  /** The arrival rate of the previous period (rps). */
  previousRps: number;
  /** Service time to assume before one was measured (ms). */
  serviceMs: number;
}

export function observe(m: PeriodMeasure, c: ObservationContext, out = new Float64Array(OBSERVATION_SIZE)): Float64Array {
  const servers = m.meanReadyServers;
  const serviceMs = m.serviceMs ?? c.serviceMs;
  out[0] = Math.min(1.5, m.utilisation ?? 0);
  out[1] = servers > 0 ? Math.tanh(m.meanQueue / servers) : m.meanQueue > 0 ? 1 : 0;
  out[2] = servers > 0 ? Math.min(2, (m.arrivalsRps * serviceMs) / 1000 / servers) : m.arrivalsRps > 0 ? 2 : 0;
  out[3] = Math.max(-1, Math.min(1, (m.arrivalsRps - c.previousRps) / Math.max(c.previousRps, 1e-9)));
  out[4] = c.replicas / c.maxReplicas;
  out[5] = Math.min(2, (m.timeInNodeMs ?? 0) / c.sloLatencyMs);
  out[6] = m.failureShare;
  return out;
}
