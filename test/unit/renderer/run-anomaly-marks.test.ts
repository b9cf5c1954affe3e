// The run charts shade each AnomalyDetected alert, firing to resolution, on the watched node's
// panel of the watched metric; other alerts and other nodes draw nothing.
import { describe, expect, it } from 'vitest';
import { anomalyAreas, anomalySpans, panelOfMetric } from '../../../src-renderer/src/features/run/anomaly-marks.js';
import { chartOption } from '../../../src-renderer/src/features/run/chart-option.js';
import { PANELS } from '../../../src-renderer/src/features/run/panels.js';
import { chartLines } from '../../../src-renderer/src/features/run/series-select.js';
import { appendFrames, emptySeries } from '../../../src-renderer/src/stores/run-series.js';
import type { RunEventDto } from '../../../src-preload/contract/index.js';

const anomaly = (type: 'alert-firing' | 'alert-resolved', tMs: number, target = 'api', metric = 'latency_p95_ms'): RunEventDto => ({
  tMs,
  type,
  target,
  message: `AnomalyDetected ${type} on ${target}`,
  severity: type === 'alert-firing' ? 'warning' : 'info',
  data: { alert: 'AnomalyDetected', metric, value: 900, threshold: 0.9, score: 0.97, model: 'latency-lstm', detector: 'watcher' },
});

const log: RunEventDto[] = [
  anomaly('alert-firing', 300_000),
  { tMs: 310_000, type: 'alert-firing', target: 'api', message: 'HighLatency firing', severity: 'critical', data: { alert: 'HighLatency', metric: 'latency_p99_ms', value: 900, threshold: 500 } },
  anomaly('alert-resolved', 420_000),
  anomaly('alert-firing', 500_000),
  anomaly('alert-firing', 200_000, 'db', 'errors_rps'),
];

describe('anomalies on the run charts', () => {
  it('pairs AnomalyDetected firings with their resolutions; one still firing runs to now', () => {
    expect(anomalySpans(log, 600_000)).toEqual([
      { node: 'api', metric: 'latency_p95_ms', fromS: 300, toS: 420 },
      { node: 'api', metric: 'latency_p95_ms', fromS: 500, toS: 600 },
      { node: 'db', metric: 'errors_rps', fromS: 200, toS: 600 },
    ]);
  });

  it('finds the panel of a metric, or the nearest one for a series no panel draws', () => {
    expect(PANELS[panelOfMetric('latency_p95_ms')]!.id).toBe('latency');
    expect(PANELS[panelOfMetric('arrivals_rps')]!.id).toBe('throughput');
    expect(PANELS[panelOfMetric('errors_rps')]!.id).toBe('errors');
    expect(panelOfMetric('replication_lag_ms')).toBe(-1);
  });

  it('shades the picked node\'s line of the watched metric, and nothing for a node not picked', () => {
    const metrics = ['throughput_rps', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'error_rate_percent'];
    const s = emptySeries(['api', 'db'], metrics);
    appendFrames(s, [{ tMs: 10_000, values: Array.from({ length: 2 * metrics.length }, () => 1) }]);
    const lines = chartLines(s, ['api'], [], PANELS);
    const areas = anomalyAreas(lines, anomalySpans(log, 600_000));
    expect(Object.keys(areas)).toEqual(['api|latency_p95_ms']);
    const option = chartOption([{ id: 'a', series: s, lines }], null, areas) as { series: { id: string; markArea?: { data: unknown[] } }[] };
    const marked = option.series.filter((x) => (x.markArea?.data.length ?? 0) > 0);
    expect(marked.map((x) => x.id)).toEqual(['a:api|latency_p95_ms']);
    expect(marked[0]!.markArea!.data).toEqual([
      [{ xAxis: 300, name: 'AnomalyDetected' }, { xAxis: 420 }],
      [{ xAxis: 500, name: 'AnomalyDetected' }, { xAxis: 600 }],
    ]);
  });
});
