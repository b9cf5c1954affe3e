import { describe, expect, it } from 'vitest';
import { chartOption, panelDatasets, zoomAround } from '../../../src-renderer/src/features/run/chart-option.js';
import { PANELS } from '../../../src-renderer/src/features/run/panels.js';
import { chartLines, defaultPicked, END_TO_END, endToEndColumn, metricColumn, sourceNodes } from '../../../src-renderer/src/features/run/series-select.js';
import { appendFrames, emptySeries, type RunSeries } from '../../../src-renderer/src/stores/run-series.js';

const METRICS = ['arrivals_rps', 'throughput_rps', 'errors_rps', 'rejected_rps', 'error_rate_percent', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'cpu_cores', 'memory_mib', 'replicas', 'queue_length', 'cost_per_hour'];

/** A series with `frames` frames every `intervalMs`; value(node, metric, frame) fills it (null: no data). */
function series(nodes: string[], frames: number, intervalMs: number, value: (node: string, metric: string, i: number) => number | null): RunSeries {
  const s = emptySeries(nodes, METRICS);
  appendFrames(
    s,
    Array.from({ length: frames }, (_, i) => ({ tMs: (i + 1) * intervalMs, values: nodes.flatMap((n) => METRICS.map((m) => value(n, m, i))) })),
  );
  return s;
}

const KINDS = { users: 'traffic-source', mobile: 'traffic-source', api: 'app-service', db: 'postgres' };
/** Two sources (users 100 req/s at p99 200 ms, mobile 300 req/s at p99 100 ms), api and db with resources. */
const shop = (frames = 3): RunSeries =>
  series(['users', 'mobile', 'api', 'db'], frames, 15_000, (n, m, i) => {
    const src = n === 'users' || n === 'mobile';
    if (src && ['cpu_cores', 'memory_mib', 'replicas', 'queue_length', 'cost_per_hour'].includes(m)) return null;
    const rps = n === 'users' ? 100 : n === 'mobile' ? 300 : n === 'api' ? 400 : 800;
    switch (m) {
      case 'arrivals_rps':
      case 'throughput_rps':
        return rps;
      case 'errors_rps':
        return n === 'users' ? 4 : 0;
      case 'rejected_rps':
        return 0;
      case 'latency_p99_ms':
        return n === 'users' ? 200 : n === 'mobile' ? 100 : 50;
      case 'cpu_cores':
        return n === 'api' ? 2 : 1;
      case 'memory_mib':
        return n === 'api' ? 512 : 1024;
      case 'replicas':
        return n === 'api' ? 3 + i : 1;
      case 'cost_per_hour':
        return n === 'api' ? 0.3 : 0.5;
      default:
        return 1;
    }
  });

describe('series selection per node and metric', () => {
  it('finds the traffic sources by kind, or by their lack of resources when the document does not know the node', () => {
    expect(sourceNodes(shop(), KINDS)).toEqual(['users', 'mobile']);
    expect(sourceNodes(shop(), {})).toEqual(['users', 'mobile']);
  });

  it('a node metric is its own column; end to end sums rates over the sources and resources over the other nodes', () => {
    const s = shop();
    const sources = sourceNodes(s, KINDS);
    expect([...metricColumn(s, 'api', 'replicas', sources)!]).toEqual([3, 4, 5]);
    expect([...endToEndColumn(s, 'throughput_rps', sources)]).toEqual([400, 400, 400]);
    expect([...endToEndColumn(s, 'cpu_cores', sources)]).toEqual([3, 3, 3]);
    expect([...endToEndColumn(s, 'replicas', sources)]).toEqual([4, 5, 6]);
    expect(endToEndColumn(s, 'cost_per_hour', sources)[0]).toBeCloseTo(0.8);
    // errors 4 of 404 requests
    expect(endToEndColumn(s, 'error_rate_percent', sources)[0]).toBeCloseTo((4 / 404) * 100, 9);
    // p99 weighted by throughput: (100·200 + 300·100) / 400
    expect(endToEndColumn(s, 'latency_p99_ms', sources)[0]).toBeCloseTo(125, 9);
    expect(metricColumn(s, 'nope', 'replicas', sources)).toBeNull();
  });

  it('a frame without any data stays NaN end to end (a gap, not a zero)', () => {
    const s = series(['users', 'api'], 2, 1000, (n, m, i) => (i === 0 ? null : n === 'users' && m === 'throughput_rps' ? 5 : n === 'api' ? 1 : null));
    const sources = ['users'];
    expect(endToEndColumn(s, 'throughput_rps', sources)[0]).toBeNaN();
    expect(endToEndColumn(s, 'throughput_rps', sources)[1]).toBe(5);
    expect(endToEndColumn(s, 'latency_p99_ms', sources)[0]).toBeNaN();
    expect(endToEndColumn(s, 'error_rate_percent', sources)[0]).toBeNaN();
  });

  it('draws a line per picked node and panel metric, several nodes on one panel, nothing for nodes the run lacks', () => {
    const s = shop();
    const lines = chartLines(s, [END_TO_END, 'api', 'db', 'gone'], sourceNodes(s, KINDS), PANELS);
    const latency = PANELS.findIndex((p) => p.id === 'latency');
    expect(lines.filter((l) => l.panel === latency).map((l) => l.name)).toEqual(['end to end p50', 'end to end p95', 'end to end p99', 'api p50', 'api p95', 'api p99', 'db p50', 'db p95', 'db p99']);
    expect(lines.filter((l) => l.metric === 'cpu_cores').map((l) => l.key)).toEqual([`${END_TO_END}|cpu_cores`, 'api|cpu_cores', 'db|cpu_cores']);
    expect(lines.some((l) => l.node === 'gone')).toBe(false);
    // 8 panels, 10 metrics, 3 nodes: 30 lines
    expect(lines).toHaveLength(30);
  });

  it('picks end to end and the first app service first', () => {
    expect(defaultPicked(['users', 'db', 'api'], KINDS)).toEqual([END_TO_END, 'api']);
    expect(defaultPicked(['users', 'db'], KINDS)).toEqual([END_TO_END, 'db']);
    expect(defaultPicked([], {})).toEqual([END_TO_END]);
  });
});

describe('chart datasets and option', () => {
  it('one dataset per panel, time in seconds, NaN as null, the option has a series per line with units on the axes', () => {
    const s = shop(2);
    const run = { id: 'a' as const, series: s, lines: chartLines(s, ['api'], ['users', 'mobile'], PANELS) };
    const sets = panelDatasets(run);
    expect(sets).toHaveLength(PANELS.length);
    expect(sets[0]).toEqual({ t: [15, 30], 'api|throughput_rps': [400, 400] });
    const option = chartOption([run], 42) as { series: { id: string; datasetIndex: number; markLine?: { data: unknown[] } }[]; yAxis: { name: string }[] };
    expect(option.series.map((x) => x.id)).toContain('a:api|queue_length');
    expect(option.series[0]!.markLine!.data).toEqual([{ xAxis: 42 }]);
    expect(option.yAxis.map((y) => y.name)).toEqual(['Throughput (req/s)', 'Latency (ms)', 'Error rate (%)', 'CPU (cores)', 'Memory (MiB)', 'Replicas', 'Queue length (requests)', 'Cost ($/h)']);
  });

  it('a 24 h run at 10 s resolution with dozens of lines is cut to about the chart width per panel, keeping every frame in the store', () => {
    const frames = 8640;
    const s = series(['users', 'a', 'b', 'c', 'd'], frames, 10_000, (_n, _m, i) => Math.sin(i / 50) * 100 + 200);
    const lines = chartLines(s, [END_TO_END, 'a', 'b', 'c', 'd'], ['users'], PANELS);
    expect(lines.length).toBeGreaterThanOrEqual(40);
    const started = performance.now();
    const sets = panelDatasets({ id: 'a', series: s, lines }, 1200);
    const ms = performance.now() - started;
    expect(s.length).toBe(frames);
    for (const set of sets) expect(set['t']!.length).toBeLessThan(frames);
    console.log(`24 h at 10 s, ${lines.length} lines: datasets for 1200 px in ${ms.toFixed(1)} ms, ${sets.map((x) => x['t']!.length).join('/')} points per panel`);
  });

  it('zooms around a moment: at least a minute either side, inside the run', () => {
    expect(zoomAround(100, 3600)).toEqual({ startValue: 0, endValue: 280 });
    expect(zoomAround(1800, 86_400)).toEqual({ startValue: 0, endValue: 6120 });
    expect(zoomAround(3590, 3600)).toEqual({ startValue: 3410, endValue: 3600 });
  });
});

describe('compare alignment', () => {
  it('two runs with different intervals and lengths line up on simulated seconds, each in its own dataset, B dashed', () => {
    const a = series(['users', 'api'], 8, 15_000, () => 1);
    const b = series(['users', 'api'], 12, 10_000, () => 2);
    const la = chartLines(a, ['api'], ['users'], PANELS);
    const lb = chartLines(b, ['api'], ['users'], PANELS);
    const da = panelDatasets({ id: 'a', series: a, lines: la });
    const db = panelDatasets({ id: 'b', series: b, lines: lb });
    // The same moment (30 s, 60 s, 120 s) is the same x in both.
    expect(da[0]!['t']).toEqual([15, 30, 45, 60, 75, 90, 105, 120]);
    expect(db[0]!['t']).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
    const option = chartOption([
      { id: 'a', series: a, lines: la },
      { id: 'b', series: b, lines: lb },
    ]) as { series: { id: string; name: string; datasetIndex: number; color: string; lineStyle: { type?: string }; xAxisIndex: number }[] };
    const sa = option.series.find((x) => x.id === 'a:api|throughput_rps')!;
    const sb = option.series.find((x) => x.id === 'b:api|throughput_rps')!;
    expect(sb.datasetIndex).toBe(sa.datasetIndex + PANELS.length);
    expect(sb.xAxisIndex).toBe(sa.xAxisIndex);
    expect(sb.color).toBe(sa.color);
    expect(sb.lineStyle.type).toBe('dashed');
    expect(sb.name).toBe('api (B)');
  });
});
