import { LineChart } from 'echarts/charts';
import { DataZoomComponent, DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerEcharts, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../stores/context.js';
import { columnOf } from '../../stores/run-series.js';
import { chartDataset, chartOption, CHART_METRICS } from './chart-option.js';

registerEcharts([LineChart, DatasetComponent, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

/** At most this often a chart redraw: the host sends about ten batches a second. */
const REDRAW_MS = 100;

/** The node the charts show first: the first app service, else the first node. */
export function defaultNode(nodes: readonly string[], kinds: Record<string, string>): string | null {
  return nodes.find((n) => kinds[n] === 'app-service') ?? nodes[0] ?? null;
}

/** Live charts of one node: throughput, latency p50/p95/p99, error rate, replicas. */
export function RunCharts(): React.JSX.Element {
  const run = useAppStore((s) => s.run)!;
  const doc = useAppStore((s) => s.doc);
  const kinds = useMemo(() => Object.fromEntries(Object.entries(doc?.document?.nodes ?? {}).map(([id, n]) => [id, n.kind as string])), [doc?.document]);
  const nodes = run.series.nodes;
  const [picked, setPicked] = useState<string | null>(null);
  const node = picked !== null && nodes.includes(picked) ? picked : defaultNode(nodes, kinds);

  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const el = host.current!;
    const c = init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.setOption(chartOption());
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      if (timer.current) clearTimeout(timer.current);
      c.dispose();
      chart.current = null;
    };
  }, []);

  // Redraw on new records, throttled; at once when the node or the run changes.
  const series = run.series;
  const version = run.version;
  const shownKey = useRef('');
  const shownPoints = useRef(0);
  useEffect(() => {
    const draw = (): void => {
      timer.current = null;
      last.current = performance.now();
      const width = host.current?.clientWidth ?? 0;
      const source = node ? chartDataset(series, node, width > 0 ? width : Infinity) : { t: [] };
      shownPoints.current = source['t']?.length ?? 0;
      host.current?.setAttribute('data-points', String(shownPoints.current));
      chart.current?.setOption({ dataset: { source } });
    };
    const key = `${run.id}|${node}`;
    const wait = REDRAW_MS - (performance.now() - last.current);
    if (key !== shownKey.current || wait <= 0) {
      shownKey.current = key;
      if (timer.current) clearTimeout(timer.current);
      draw();
    } else if (!timer.current) {
      timer.current = setTimeout(draw, wait);
    }
  }, [series, version, node, run.id]);

  const hasData = node !== null && CHART_METRICS.some((m) => (columnOf(series, node, m)?.length ?? 0) > 0);
  return (
    <section className="run-charts" aria-labelledby="run-charts-title">
      <div className="run-charts-header">
        <h2 id="run-charts-title">Live charts</h2>
        <label>
          Node{' '}
          <select data-testid="run-node" value={node ?? ''} onChange={(e) => setPicked(e.target.value)}>
            {nodes.map((n) => (
              <option key={n} value={n}>
                {n}
                {kinds[n] ? ` (${kinds[n]})` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div ref={host} className="run-chart" data-testid="run-chart" data-frames={series.length} data-has-data={hasData ? 'true' : 'false'} />
    </section>
  );
}

