import type { StatsSample } from '../../../../src-preload/contract/index.js';

const MIB = 1024 * 1024;

/** Four small charts in one echarts option (CPU %, memory, network, block I/O), from one dataset. */
export function statsOption(samples: readonly StatsSample[]): Record<string, unknown> {
  const source = {
    t: samples.map((s) => s.time),
    cpu: samples.map((s) => round(s.cpuPercent)),
    mem: samples.map((s) => round(s.memoryBytes / MIB)),
    rx: samples.map((s) => round(s.networkRxBytes / 1024)),
    tx: samples.map((s) => round(s.networkTxBytes / 1024)),
    read: samples.map((s) => round(s.blockReadBytes / 1024)),
    write: samples.map((s) => round(s.blockWriteBytes / 1024)),
  };
  const panels = [
    { title: 'CPU %', lines: [['cpu', 'CPU %']] },
    { title: 'Memory MiB', lines: [['mem', 'memory']] },
    { title: 'Network KiB', lines: [['rx', 'received'], ['tx', 'sent']] },
    { title: 'Block I/O KiB', lines: [['read', 'read'], ['write', 'written']] },
  ] as const;
  const width = 100 / panels.length;
  return {
    animation: false,
    dataset: { source },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, textStyle: { fontSize: 11 } },
    title: panels.map((p, i) => ({ text: p.title, left: `${i * width + 1}%`, top: 0, textStyle: { fontSize: 12 } })),
    grid: panels.map((_, i) => ({ left: `${i * width + 4}%`, width: `${width - 7}%`, top: 28, bottom: 44 })),
    xAxis: panels.map((_, i) => ({ type: 'category', gridIndex: i, axisLabel: { show: false } })),
    yAxis: panels.map((_, i) => ({ type: 'value', gridIndex: i, min: 0 })),
    series: panels.flatMap((p, i) =>
      p.lines.map(([key, name]) => ({ type: 'line', name, xAxisIndex: i, yAxisIndex: i, encode: { x: 't', y: key }, showSymbol: false })),
    ),
  };
}

const round = (n: number): number => Math.round(n * 100) / 100;
