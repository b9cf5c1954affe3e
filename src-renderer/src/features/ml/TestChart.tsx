import { LineChart, ScatterChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerEcharts, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TrainedFigures } from '../../ml/protocol.js';
import { testOption } from './test-option.js';

registerEcharts([LineChart, ScatterChart, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Each series the chart instance holds and how many points it draws, read back from it for tests and the DOM. */
function describeMarks(c: EChartsType): string {
  const option = c.getOption() as { series?: { id?: string; encode?: { y?: string | string[] } }[]; dataset?: { source?: Record<string, unknown[]> }[] };
  return JSON.stringify(
    (option.series ?? []).map((s) => {
      const y = Array.isArray(s.encode?.y) ? s.encode.y[0] : s.encode?.y;
      const values = (y !== undefined ? option.dataset?.[0]?.source?.[y] : undefined) ?? [];
      return { id: s.id, points: values.filter((v) => typeof v === 'number').length };
    }),
  );
}

/** The held-out test part: what happened against what the model said, with the run's fault labels. */
export function TestChart({ test, detector }: { test: TrainedFigures['test']; detector: boolean }): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current!;
    const c = init(el, undefined, { renderer: 'canvas' });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    c.setOption(testOption(test, detector), { notMerge: true });
    el.setAttribute('data-lines', describeMarks(c));
    return () => {
      resize.disconnect();
      c.dispose();
    };
  }, [test, detector]);
  return <div ref={host} className="ml-chart" data-testid="ml-test-chart" />;
}
