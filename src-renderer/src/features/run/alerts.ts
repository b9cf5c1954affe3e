import type { RunEventDto } from '../../../../src-preload/contract/index.js';

/** One alert from firing to resolving (or still firing). */
export interface AlertEntry {
  rule: string;
  node: string;
  /** The rule's severity (a resolution is logged as info; the firing carries the rule's). */
  severity: RunEventDto['severity'];
  firedMs: number;
  resolvedMs: number | null;
  /** To the resolution, or to `nowMs` while firing. */
  durationMs: number;
  message: string;
}

/** Pairs alert-firing with the next alert-resolved of the same rule and node; newest first. */
export function alertEntries(log: readonly RunEventDto[], nowMs: number): AlertEntry[] {
  const open = new Map<string, AlertEntry>();
  const out: AlertEntry[] = [];
  for (const e of log) {
    if (e.type !== 'alert-firing' && e.type !== 'alert-resolved') continue;
    const rule = String(e.data?.['alert'] ?? e.message);
    const node = e.target ?? '';
    const key = `${rule}\u0000${node}`;
    if (e.type === 'alert-firing') {
      const entry: AlertEntry = { rule, node, severity: e.severity, firedMs: e.tMs, resolvedMs: null, durationMs: 0, message: e.message };
      open.set(key, entry);
      out.push(entry);
    } else {
      const entry = open.get(key);
      if (!entry) continue; // resolved before the log we hold begins
      entry.resolvedMs = e.tMs;
      open.delete(key);
    }
  }
  for (const entry of out) entry.durationMs = (entry.resolvedMs ?? Math.max(nowMs, entry.firedMs)) - entry.firedMs;
  return out.reverse();
}
