import type { TrainedFigures } from '../../ml/protocol.js';

/** Test-part points as chart columns; a point not labelled (or not flagged) is null there, so only those show as marks. */
export function testColumns(test: TrainedFigures['test']): Record<string, (number | null)[]> {
  return {
    t: test.timesMs.map((ms) => ms / 1000),
    actual: test.actual,
    predicted: test.predicted,
    labelled: test.actual.map((v, i) => (test.labels[i] === 1 ? v : null)),
    flagged: test.actual.map((v, i) => (test.flagged?.[i] === 1 ? v : null)),
  };
}

/** The held-out part: actual and model lines, fault-labelled points and (detectors) flagged points. */
export function testOption(test: TrainedFigures['test'], detector: boolean) {
  const mark = (id: string, name: string, color: string, size: number) => ({ id, name, type: 'scatter', encode: { x: 't', y: id }, symbolSize: size, itemStyle: { color } });
  return {
    animation: false,
    grid: { left: 60, right: 24, top: 36, bottom: 40 },
    legend: { top: 4 },
    tooltip: { trigger: 'axis' },
    dataset: { source: testColumns(test) },
    xAxis: { type: 'value', name: 'simulated time (s)', nameLocation: 'middle', nameGap: 26, scale: true },
    yAxis: { type: 'value', scale: true },
    series: [
      { id: 'actual', name: 'actual', type: 'line', encode: { x: 't', y: 'actual' }, showSymbol: false },
      { id: 'predicted', name: detector ? 'predicted next point' : 'forecast', type: 'line', encode: { x: 't', y: 'predicted' }, showSymbol: false, lineStyle: { type: 'dashed' } },
      mark('labelled', 'fault or alert (label)', '#e69f00', 10),
      ...(detector ? [mark('flagged', 'flagged anomalous', '#d62728', 6)] : []),
    ],
  };
}
