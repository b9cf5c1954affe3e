import type { EpochFigures } from '../../ml/protocol.js';

/** The loss curves as one dataset (echarts 6.1's appendData is broken for lines: redraw with setOption). */
export function lossOption(history: readonly EpochFigures[]) {
  return {
    animation: false,
    grid: { left: 60, right: 24, top: 36, bottom: 40 },
    legend: { top: 4 },
    tooltip: { trigger: 'axis' },
    dataset: { source: { epoch: history.map((h) => h.epoch), loss: history.map((h) => h.loss), valLoss: history.map((h) => h.valLoss) } },
    xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
    yAxis: { type: 'log', name: 'loss (MSE, normalised)', scale: true },
    series: [
      { id: 'loss', name: 'training loss', type: 'line', encode: { x: 'epoch', y: 'loss' }, showSymbol: history.length < 40 },
      { id: 'val-loss', name: 'validation loss', type: 'line', encode: { x: 'epoch', y: 'valLoss' }, showSymbol: history.length < 40, lineStyle: { type: 'dashed' } },
    ],
  };
}
