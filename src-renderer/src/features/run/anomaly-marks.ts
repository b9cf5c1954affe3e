import type { RunEventDto } from '../../../../src-preload/contract/index.js';
import { PANELS } from './panels.js';
import type { ChartLine } from './series-select.js';

/** The rule name the kernel's anomaly detectors give their alerts (kernel/core/monitoring/anomaly-watch.ts). */
export const ANOMALY_ALERT = 'AnomalyDetected';

/** One anomaly on a node's watched series, firing to resolved (or to now while it fires). */
export interface AnomalySpan {
  node: string;
  metric: string;
  fromS: number;
  toS: number;
}

/** Pairs each AnomalyDetected firing with the next resolution of the same node and metric. */
export function anomalySpans(log: readonly RunEventDto[], nowMs: number): AnomalySpan[] {
  const open = new Map<string, AnomalySpan>();
  const out: AnomalySpan[] = [];
  for (const e of log) {
    if ((e.type !== 'alert-firing' && e.type !== 'alert-resolved') || e.data?.['alert'] !== ANOMALY_ALERT) continue;
    const node = e.target ?? '';
    const metric = String(e.data['metric'] ?? '');
    const key = `${node}\u0000${metric}`;
    if (e.type === 'alert-firing') {
      const span = { node, metric, fromS: e.tMs / 1000, toS: Math.max(nowMs, e.tMs) / 1000 };
      open.set(key, span);
      out.push(span);
    } else {
      const span = open.get(key);
      if (span) span.toS = e.tMs / 1000;
      open.delete(key);
    }
  }
  return out;
}

/** Series metrics no panel draws, marked on the panel closest in meaning. */
const NEAREST_PANEL: Readonly<Record<string, string>> = {
  arrivals_rps: 'throughput',
  errors_rps: 'errors',
  rejected_rps: 'errors',
  in_flight: 'queue',
  ready_replicas: 'replicas',
  utilization_percent: 'cpu',
};

/** The panel an anomaly on `metric` is drawn on; -1 when none fits. */
export function panelOfMetric(metric: string): number {
  const drawn = PANELS.findIndex((p) => p.metrics.some(([m]) => m === metric));
  return drawn >= 0 ? drawn : PANELS.findIndex((p) => p.id === NEAREST_PANEL[metric]);
}

/** markArea spans by chart line key: each anomaly on the watched node's line of its panel (the same metric where drawn). */
export function anomalyAreas(lines: readonly ChartLine[], spans: readonly AnomalySpan[]): Record<string, AnomalySpan[]> {
  const out: Record<string, AnomalySpan[]> = {};
  for (const span of spans) {
    const panel = panelOfMetric(span.metric);
    const candidates = lines.filter((l) => l.node === span.node && l.panel === panel);
    const line = candidates.find((l) => l.metric === span.metric) ?? candidates[0];
    if (line) (out[line.key] ??= []).push(span);
  }
  return out;
}

/** The echarts markArea of a line's anomalies (shaded from firing to resolution). */
export function anomalyMarkArea(spans: readonly AnomalySpan[] | undefined): Record<string, unknown> {
  return {
    silent: true,
    itemStyle: { color: 'rgba(238, 102, 102, 0.18)' },
    label: { show: false },
    data: (spans ?? []).map((s) => [{ xAxis: s.fromS, name: ANOMALY_ALERT }, { xAxis: s.toS }]),
  };
}
