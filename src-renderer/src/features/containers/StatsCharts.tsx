import { LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useEchart } from '../../charts/use-echart.js';
import type { StatsSample } from '../../../../src-preload/contract/index.js';
import { useAppStore } from '../../stores/context.js';
import { statsOption } from './stats-option.js';
import './containers.css';

registerEcharts([LineChart, DatasetComponent, GridComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

const NONE: readonly StatsSample[] = [];

/** Live charts of one container's stats stream, and its latest numbers as text. */
export function StatsCharts({ samples: given }: { samples?: readonly StatsSample[] }): React.JSX.Element {
  const stream = useAppStore((s) => s.stats);
  const error = useAppStore((s) => s.streamError);
  const samples = given ?? stream?.samples ?? NONE;
  const { host, chart } = useEchart();
  useEffect(() => {
    // setOption with a dataset: appendData is broken for lines in echarts 6.1.
    chart.current?.setOption(statsOption(samples), { notMerge: true });
  }, [samples, chart]);

  const last = samples.at(-1);
  return (
    <div className="stats-charts" data-testid="stats-charts" data-samples={samples.length}>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <p className="muted" data-testid="stats-latest">
        {last
          ? `CPU ${last.cpuPercent.toFixed(1)} % · memory ${(last.memoryBytes / 1048576).toFixed(1)} MiB of ${(last.memoryLimitBytes / 1048576).toFixed(0)} · ${last.pids} processes`
          : 'Waiting for the first sample…'}
      </p>
      <div ref={host} className="stats-chart" />
      {stream?.ended ? <p className="muted">{stream.ended}</p> : null}
    </div>
  );
}
