import { LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { shownSeries } from '../../charts/series-data.js';
import { useEchart } from '../../charts/use-echart.js';
import { useAppStore } from '../../stores/context.js';
import { lossOption } from './loss-option.js';

registerEcharts([LineChart, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Training and validation loss per epoch, redrawn as each epoch ends. */
export function LossChart(): React.JSX.Element {
  const history = useAppStore((s) => s.mlTraining?.history);
  const { host, chart } = useEchart();
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.setOption(lossOption(history ?? []), { notMerge: true });
    host.current?.setAttribute('data-lines', JSON.stringify(shownSeries(c).map(({ id, values }) => ({ id, values }))));
  }, [history, chart, host]);

  return (
    <section aria-labelledby="ml-loss-title">
      <h2 id="ml-loss-title">Loss</h2>
      <div ref={host} className="ml-chart" data-testid="ml-loss-chart" data-epochs={history?.length ?? 0} />
    </section>
  );
}
