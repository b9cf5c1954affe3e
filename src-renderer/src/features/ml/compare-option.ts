import type { CompareReport } from '../../ml/compare-protocol.js';

/** The figures a person compares policies by, with their units, in the report's names. */
export const COMPARE_FIGURES = [
  { key: 'sloViolationMinutes', title: 'SLO-violation minutes', unit: 'min', digits: 1 },
  { key: 'p99LatencyMs', title: 'p99 latency', unit: 'ms', digits: 0 },
  { key: 'cost', title: 'Cost', unit: '$', digits: 3 },
  { key: 'replicaSeconds', title: 'Replica-hours', unit: 'h', digits: 2, scale: 1 / 3600 },
  { key: 'scalingActions', title: 'Scaling actions', unit: '', digits: 1 },
] as const;

/** One bar panel per figure: the mean per policy, with its 95 % interval as a line over the bar. */
export function compareOption(report: CompareReport): Record<string, unknown> {
  const policies = report.policies.map((p) => p.policy);
  const n = COMPARE_FIGURES.length;
  const width = 100 / n;
  return {
    animation: false,
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
    title: COMPARE_FIGURES.map((f, i) => ({ text: f.unit ? `${f.title} (${f.unit})` : f.title, left: `${i * width + width / 2}%`, textAlign: 'center', top: 0, textStyle: { fontSize: 12 } })),
    grid: COMPARE_FIGURES.map((_, i) => ({ left: `${i * width + 4}%`, width: `${width - 7}%`, top: 36, bottom: 28 })),
    xAxis: COMPARE_FIGURES.map((_, i) => ({ type: 'category', gridIndex: i, data: policies })),
    yAxis: COMPARE_FIGURES.map((_, i) => ({ type: 'value', gridIndex: i, splitNumber: 3 })),
    series: COMPARE_FIGURES.map((f, i) => ({
      id: f.key,
      name: f.title,
      type: 'bar',
      xAxisIndex: i,
      yAxisIndex: i,
      data: report.policies.map((p) => (p.figures[f.key]?.mean ?? 0) * ('scale' in f ? f.scale : 1)),
    })),
  };
}
