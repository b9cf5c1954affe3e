import { LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerEcharts, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../stores/context.js';
import { lossOption } from './loss-option.js';

registerEcharts([LineChart, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** What the chart instance holds, read back from it, for tests and people reading the DOM: each line and its values. */
function describeLines(c: EChartsType): string {
  const option = c.getOption() as { series?: { id?: string; encode?: { y?: string | string[] } }[]; dataset?: { source?: Record<string, unknown[]> }[] };
  return JSON.stringify(
    (option.series ?? []).map((s) => {
      const y = Array.isArray(s.encode?.y) ? s.encode.y[0] : s.encode?.y;
      const values = (y !== undefined ? option.dataset?.[0]?.source?.[y] : undefined) ?? [];
      return { id: s.id, values: values.filter((v) => typeof v === 'number') };
    }),
  );
}

/** Training and validation loss per epoch, redrawn as each epoch ends. */
export function LossChart(): React.JSX.Element {
  const history = useAppStore((s) => s.mlTraining?.history);
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = host.current!;
    const c = init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.setOption(lossOption(history ?? []), { notMerge: true });
    host.current?.setAttribute('data-lines', describeLines(c));
  }, [history]);

  return (
    <section aria-labelledby="ml-loss-title">
      <h2 id="ml-loss-title">Loss</h2>
      <div ref={host} className="ml-chart" data-testid="ml-loss-chart" data-epochs={history?.length ?? 0} />
    </section>
  );
}
