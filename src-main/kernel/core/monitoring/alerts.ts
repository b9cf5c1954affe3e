// Alert rules evaluated at every scrape, as Prometheus does: a rule whose condition holds
// becomes pending; once it has held at every evaluation for `forS` seconds it fires (an
// 'alert-firing' event); the first evaluation where it no longer holds resolves it (an
// 'alert-resolved' event). No data (NaN) counts as "does not hold". A rule aimed at '*'
// applies to every node that has the metric; its per-node state is created only when the
// condition first holds there, so memory follows what happens, not rules × nodes.
import type { AlertRule } from '../../../../src-preload/contract/topology/index.js';
import type { EventLog } from '../records.js';

/** What the evaluator reads at a scrape: a rule's metric at a node (NaN: no data). */
export type AlertValue = (node: number, metric: AlertRule['metric']) => number;

/** Metrics the kernel does not model yet; rules on them never fire. */
export const UNMODELLED_ALERT_METRICS: ReadonlySet<AlertRule['metric']> = new Set(['disk_percent', 'network_mbps', 'anomaly_score']);

export interface AlertSummary {
  name: string;
  node: string;
  severity: AlertRule['severity'];
  /** Times it went from pending to firing. */
  fired: number;
  /** Seconds spent firing (an alert still firing counts up to the end of the run). */
  firing_seconds: number;
  firing_at_end: boolean;
}

interface Track {
  /** When the condition started to hold at every evaluation; NaN while it does not. */
  activeSince: number;
  firingSince: number;
  fired: number;
  firingMs: number;
}

interface CompiledRule {
  rule: AlertRule;
  /** Node index, or -1 for every node. */
  target: number;
  forMs: number;
  tracks: Map<number, Track>;
}

const holds = (op: AlertRule['op'], v: number, threshold: number): boolean => {
  if (Number.isNaN(v)) return false;
  switch (op) {
    case '>':
      return v > threshold;
    case '>=':
      return v >= threshold;
    case '<':
      return v < threshold;
    case '<=':
      return v <= threshold;
    case '==':
      return v === threshold;
    case '!=':
      return v !== threshold;
  }
};

export class AlertEvaluator {
  private readonly rules: CompiledRule[] = [];

  constructor(
    rules: readonly AlertRule[],
    private readonly nodes: readonly string[],
    private readonly events: EventLog,
    warnings: string[],
  ) {
    for (const rule of rules) {
      if (UNMODELLED_ALERT_METRICS.has(rule.metric)) {
        warnings.push(`alert ${rule.name}: ${rule.metric} is not modelled yet, so the rule never fires`);
        continue;
      }
      const target = rule.target === '*' ? -1 : nodes.indexOf(rule.target);
      if (rule.target !== '*' && target < 0) {
        warnings.push(`alert ${rule.name}: no node "${rule.target}"; the rule is ignored`);
        continue;
      }
      this.rules.push({ rule, target, forMs: rule.forS * 1000, tracks: new Map() });
    }
  }

  get ruleCount(): number {
    return this.rules.length;
  }

  /** One evaluation at scrape time `tMs`. */
  evaluate(tMs: number, valueOf: AlertValue): void {
    for (const r of this.rules) {
      if (r.target >= 0) this.step(r, r.target, tMs, valueOf(r.target, r.rule.metric));
      else for (let i = 0; i < this.nodes.length; i++) this.step(r, i, tMs, valueOf(i, r.rule.metric));
    }
  }

  private step(r: CompiledRule, node: number, tMs: number, value: number): void {
    const { rule } = r;
    let track = r.tracks.get(node);
    if (holds(rule.op, value, rule.threshold)) {
      if (track === undefined) r.tracks.set(node, (track = { activeSince: NaN, firingSince: NaN, fired: 0, firingMs: 0 }));
      if (Number.isNaN(track.activeSince)) track.activeSince = tMs;
      if (Number.isNaN(track.firingSince) && tMs - track.activeSince >= r.forMs) {
        track.firingSince = tMs;
        track.fired++;
        this.events.push({
          tMs,
          type: 'alert-firing',
          target: this.nodes[node]!,
          message: `${rule.name} firing on ${this.nodes[node]!}: ${rule.metric} ${format(value)} ${rule.op} ${rule.threshold}${rule.forS > 0 ? ` for ${rule.forS} s` : ''}`,
          severity: rule.severity,
          data: { alert: rule.name, metric: rule.metric, value, threshold: rule.threshold },
        });
      }
      return;
    }
    if (track === undefined) return;
    if (!Number.isNaN(track.firingSince)) {
      track.firingMs += tMs - track.firingSince;
      this.events.push({
        tMs,
        type: 'alert-resolved',
        target: this.nodes[node]!,
        message: `${rule.name} resolved on ${this.nodes[node]!}: ${rule.metric} ${format(value)}`,
        severity: 'info',
        data: { alert: rule.name, metric: rule.metric, value, threshold: rule.threshold },
      });
    }
    track.activeSince = NaN;
    track.firingSince = NaN;
    // Keep the track only if it has history for the summary.
    if (track.fired === 0) r.tracks.delete(node);
  }

  /** Every (rule, node) that fired, in rule then node order. */
  summary(nowMs: number): AlertSummary[] {
    const out: AlertSummary[] = [];
    for (const r of this.rules) {
      const entries = [...r.tracks.entries()].filter(([, t]) => t.fired > 0).sort((a, b) => a[0] - b[0]);
      for (const [node, t] of entries) {
        const firing = !Number.isNaN(t.firingSince);
        out.push({
          name: r.rule.name,
          node: this.nodes[node]!,
          severity: r.rule.severity,
          fired: t.fired,
          firing_seconds: (t.firingMs + (firing ? nowMs - t.firingSince : 0)) / 1000,
          firing_at_end: firing,
        });
      }
    }
    return out;
  }
}

const format = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(4));
