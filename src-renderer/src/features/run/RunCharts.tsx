import { LineChart } from 'echarts/charts';
import { DataZoomComponent, DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { shownSeries } from '../../charts/series-data.js';
import { useEchart } from '../../charts/use-echart.js';
import { useAppStore } from '../../stores/context.js';
import { anomalyAreas, anomalyMarkArea, anomalySpans } from './anomaly-marks.js';
import { chartOption, cursorMark, panelDatasets, seriesId, zoomAround, type ChartRun } from './chart-option.js';
import { download } from './export.js';
import { NodePicker } from './NodePicker.js';
import { PANELS } from './panels.js';
import { pngBytes } from './png.js';
import { chartLines, defaultPicked, sourceNodes } from './series-select.js';
import { useRunKinds } from './use-run-kinds.js';

registerEcharts([LineChart, DatasetComponent, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, MarkLineComponent, MarkAreaComponent, CanvasRenderer]);

/** At most this often a chart redraw: the host sends about ten batches a second. */
const REDRAW_MS = 100;
/**
 * And no sooner than this many times the last redraw's cost after it ended: however slow the
 * machine or busy the chart, redraws take at most a third of the main thread, so clicks and
 * scrolling are answered while a long run streams in.
 */
const REDRAW_COST_FACTOR = 2;
/** The grids' left and right margins (chartOption): the plot is this much narrower than the chart. */
const PLOT_MARGIN_PX = 94;

/** Live charts of the picked nodes (and end to end): every metric panel, zoomable, with the time cursor. */
export function RunCharts(): React.JSX.Element {
  const run = useAppStore((s) => s.run)!;
  const compare = useAppStore((s) => s.compare);
  const pickedState = useAppStore((s) => s.runPicked);
  const setPicked = useAppStore((s) => s.setRunPicked);
  const cursorMs = useAppStore((s) => s.runCursorMs);
  const setHover = useAppStore((s) => s.setRunHover);
  const kinds = useRunKinds();
  const nodes = run.series.nodes;
  const picked = useMemo(() => pickedState ?? defaultPicked(nodes, kinds), [pickedState, nodes, kinds]);

  const { host, chart } = useEchart((c) => {
    c.on('updateAxisPointer', (e) => {
      const value = (e as { axesInfo?: { value?: number }[] }).axesInfo?.[0]?.value;
      setHover(typeof value === 'number' ? Math.round(value * 1000) : null);
    });
    c.getZr().on('globalout', () => setHover(null));
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  });
  /** When the last redraw ended, and what it cost (ms). */
  const last = useRef(0);
  const cost = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The cursor in simulated seconds, for rebuilds of the option. */
  const cursorS = useRef<number | null>(null);
  /** The anomaly spans last drawn (JSON), so a redraw re-marks only when they change. */
  const shownAnomalies = useRef('');

  // Redraw on new records, throttled; rebuild at once when the nodes, the run or the comparison change.
  const series = run.series;
  const version = run.version;
  const log = run.log;
  const nowMs = run.simulatedMs;
  const shownKey = useRef('');
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const sourcesA = sourceNodes(series, kinds);
    const build = (): ChartRun[] => {
      const runs: ChartRun[] = [{ id: 'a', series, lines: chartLines(series, picked, sourcesA, PANELS) }];
      if (compare) runs.push({ id: 'b', series: compare.series, lines: chartLines(compare.series, picked, sourceNodes(compare.series, kinds), PANELS) });
      return runs;
    };
    const draw = (structure: boolean): void => {
      timer.current = null;
      const began = performance.now();
      const runs = build();
      const width = (host.current?.clientWidth ?? 0) - PLOT_MARGIN_PX;
      const buckets = width > 0 ? width / 2 : Infinity;
      const a = panelDatasets(runs[0]!, buckets);
      const b = runs[1] ? panelDatasets(runs[1], buckets) : PANELS.map(() => ({ t: [] }));
      const dataset = [...a, ...b].map((source) => ({ source }));
      const areas = anomalyAreas(runs[0]!.lines, anomalySpans(log, nowMs));
      const areasKey = JSON.stringify(areas);
      if (structure) c.setOption({ ...chartOption(runs, cursorS.current, areas), dataset }, { replaceMerge: ['series', 'dataset'] });
      else if (areasKey !== shownAnomalies.current) c.setOption({ dataset, series: runs[0]!.lines.map((l) => ({ id: seriesId('a', l.key), markArea: anomalyMarkArea(areas[l.key]) })) });
      else c.setOption({ dataset });
      shownAnomalies.current = areasKey;
      // Paint now rather than on the next frame, so the time below is what a redraw costs.
      c.getZr().flush();
      last.current = performance.now();
      cost.current = last.current - began;
      host.current?.setAttribute('data-draw-ms', cost.current.toFixed(1));
      host.current?.setAttribute('data-points', String(a[0]?.['t']?.length ?? 0));
      host.current?.setAttribute('data-lines', JSON.stringify(shownSeries(c).map(({ id, name, values }) => ({ id, name, points: values.length }))));
      // Read back from the chart: the anomaly areas it now draws.
      const drawn = (c.getOption() as { series?: { markArea?: { data?: unknown[] } }[] }).series ?? [];
      host.current?.setAttribute('data-anomalies', String(drawn.reduce((n, s) => n + (s.markArea?.data?.length ?? 0), 0)));
    };
    const key = `${run.id}|${compare?.info.id ?? ''}|${picked.join(',')}|${series.nodes.length}`;
    const wait = Math.max(REDRAW_MS, cost.current * REDRAW_COST_FACTOR) - (performance.now() - last.current);
    if (key !== shownKey.current) {
      shownKey.current = key;
      if (timer.current) clearTimeout(timer.current);
      draw(true);
    } else if (wait <= 0) {
      if (timer.current) clearTimeout(timer.current);
      draw(false);
    } else if (!timer.current) {
      timer.current = setTimeout(() => draw(false), wait);
    }
  }, [series, version, log, nowMs, picked, run.id, compare, kinds, chart, host]);

  // The time cursor: a line on every panel and the zoom around it.
  useEffect(() => {
    cursorS.current = cursorMs === null ? null : cursorMs / 1000;
    const c = chart.current;
    if (!c) return;
    const option = c.getOption() as { series?: { id?: string }[] };
    const ids = (option.series ?? []).map((s) => s.id).filter((id): id is string => id?.startsWith('a:') === true);
    c.setOption({ series: ids.map((id) => ({ id, markLine: cursorMark(cursorS.current) })) });
    if (cursorMs !== null) c.dispatchAction({ type: 'dataZoom', ...zoomAround(cursorMs / 1000, Math.max(run.endMs, compare?.info.endMs ?? 0) / 1000) });
    // Read back from the chart what it now shows: the cursor line and the zoom window.
    const now = c.getOption() as { series?: { markLine?: { data?: { xAxis?: number }[] } }[]; dataZoom?: { startValue?: number; endValue?: number }[] };
    const mark = now.series?.[0]?.markLine?.data?.[0]?.xAxis;
    const zoom = now.dataZoom?.[0];
    host.current?.setAttribute('data-cursor', mark === undefined ? '' : String(mark));
    host.current?.setAttribute('data-zoom', zoom?.startValue !== undefined && zoom.endValue !== undefined ? `${zoom.startValue},${zoom.endValue}` : '');
  }, [cursorMs, run.endMs, compare, chart, host]);

  const exportPng = (): void => {
    const c = chart.current;
    if (!c) return;
    const background = getComputedStyle(host.current!).backgroundColor;
    const url = c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background === 'rgba(0, 0, 0, 0)' ? '#ffffff' : background });
    download(`${run.id}-charts.png`, 'image/png', pngBytes(url));
  };

  const hasData = series.length > 0 && picked.length > 0;
  return (
    <section className="run-charts" aria-labelledby="run-charts-title">
      <div className="run-charts-header">
        <h2 id="run-charts-title">Live charts</h2>
        <button type="button" data-testid="run-export-png" onClick={exportPng}>
          Export PNG
        </button>
      </div>
      <NodePicker nodes={nodes} kinds={kinds} picked={picked} onChange={setPicked} />
      <div
        ref={host}
        className="run-chart"
        data-testid="run-chart"
        data-frames={series.length}
        data-has-data={hasData ? 'true' : 'false'}
        data-picked={picked.join(',')}
      />
    </section>
  );
}
