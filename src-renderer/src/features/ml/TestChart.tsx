import { LineChart, ScatterChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { shownSeries } from '../../charts/series-data.js';
import { useEchart } from '../../charts/use-echart.js';
import type { TrainedFigures } from '../../ml/protocol.js';
import { testOption } from './test-option.js';

registerEcharts([LineChart, ScatterChart, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The held-out test part: what happened against what the model said, with the run's fault labels. */
export function TestChart({ test, detector }: { test: TrainedFigures['test']; detector: boolean }): React.JSX.Element {
  const { host, chart } = useEchart();
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.setOption(testOption(test, detector), { notMerge: true });
    host.current?.setAttribute('data-lines', JSON.stringify(shownSeries(c).map(({ id, values }) => ({ id, points: values.length }))));
  }, [test, detector, chart, host]);
  return <div ref={host} className="ml-chart" data-testid="ml-test-chart" />;
}
