import type { RunEventDto } from '../../../../../src-preload/contract/index.js';

export type Health = 'down' | 'degraded' | 'healthy' | 'unknown';

/** Above this error rate (percent) a node counts as degraded. */
export const DEGRADED_ERROR_PERCENT = 1;

/** What goes on at each target (node or group) after the log's events: faults and alerts not yet over. */
export interface ActiveIssues {
  /** Target → fault types going on. */
  faults: Map<string, Set<string>>;
  /** Node → alert rules firing. */
  alerts: Map<string, Set<string>>;
}

const add = (m: Map<string, Set<string>>, key: string, value: string): void => {
  const set = m.get(key) ?? new Set<string>();
  set.add(value);
  m.set(key, set);
};
const remove = (m: Map<string, Set<string>>, key: string, value: string): void => {
  const set = m.get(key);
  set?.delete(value);
  if (set?.size === 0) m.delete(key);
};

/** Replays the event log (in time order) into the faults and alerts still going on. */
export function activeIssues(log: readonly RunEventDto[]): ActiveIssues {
  const faults = new Map<string, Set<string>>();
  const alerts = new Map<string, Set<string>>();
  for (const e of log) {
    if (e.target === undefined) continue;
    const fault = String(e.data?.['fault'] ?? 'fault');
    const alert = String(e.data?.['alert'] ?? e.message);
    if (e.type === 'fault-started') add(faults, e.target, fault);
    else if (e.type === 'fault-ended') remove(faults, e.target, fault);
    else if (e.type === 'alert-firing') add(alerts, e.target, alert);
    else if (e.type === 'alert-resolved') remove(alerts, e.target, alert);
  }
  return { faults, alerts };
}

/** A node's latest figures (NaN: no data); `groups`: the groups it sits in, innermost first. */
export interface NodeReading {
  up: number;
  replicas: number;
  readyReplicas: number;
  errorRatePercent: number;
  /** Frames so far: 0 means the run has not told anything yet. */
  frames: number;
}

/**
 * Down: the kernel says the node is not up, none of its replicas is ready, or a region or zone
 * it sits in is out. Degraded: errors above DEGRADED_ERROR_PERCENT, fewer ready replicas than
 * wanted, an alert firing on it or a fault acting on it. Healthy otherwise.
 */
export function classifyHealth(node: string, reading: NodeReading, groups: readonly string[], issues: ActiveIssues): { health: Health; reasons: string[] } {
  if (reading.frames === 0) return { health: 'unknown', reasons: ['no data yet'] };
  const down: string[] = [];
  if (reading.up === 0) down.push('not up');
  if (reading.readyReplicas === 0 && reading.replicas > 0) down.push('no replica ready');
  for (const g of groups) if (issues.faults.get(g)?.has('region-outage')) down.push(`${g} is out`);
  if (down.length > 0) return { health: 'down', reasons: down };
  const degraded: string[] = [];
  if (reading.errorRatePercent > DEGRADED_ERROR_PERCENT) degraded.push(`errors ${reading.errorRatePercent.toFixed(1)} %`);
  if (reading.readyReplicas < reading.replicas) degraded.push(`${reading.readyReplicas} of ${reading.replicas} replicas ready`);
  for (const a of issues.alerts.get(node) ?? []) degraded.push(`alert ${a}`);
  for (const f of issues.faults.get(node) ?? []) degraded.push(`fault ${f}`);
  return degraded.length > 0 ? { health: 'degraded', reasons: degraded } : { health: 'healthy', reasons: [] };
}

/** Fill colour of the utilisation bar: green when idle, amber past 70 %, red past 90 %. */
export function utilisationColour(percent: number): string {
  if (!Number.isFinite(percent)) return 'transparent';
  if (percent >= 90) return '#e5484d';
  if (percent >= 70) return '#f5a524';
  return '#30a46c';
}
