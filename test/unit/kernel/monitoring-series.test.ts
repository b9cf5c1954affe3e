// Series frames: one per scrape interval with every metric for every node; rates that add up to
// the summary's counts; interval percentiles against the latencies computed directly; a
// bounded buffer between drains; the same frames for the same seed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRun, createSampler, createStream, SERIES_METRICS, type SeriesFrame } from '../../../src-main/kernel/index.js';
import { topologySchema, type TopologyInput } from '../../../src-preload/contract/index.js';
import { singleStation, template, topology } from './helpers/documents.js';

const M = (name: (typeof SERIES_METRICS)[number]) => SERIES_METRICS.indexOf(name);
const at = (f: SeriesFrame, node: number, metric: (typeof SERIES_METRICS)[number]) => f.values[node * SERIES_METRICS.length + M(metric)]!;
const hashOf = (frames: SeriesFrame[]) => {
  const h = createHash('sha256');
  for (const f of frames) h.update(String(f.tMs)).update(new Uint8Array(f.values.buffer));
  return h.digest('hex');
};

/** Exact q-quantile as the histograms define it: the smallest value with ≥ q·n values at or below. */
const exactQuantile = (sorted: number[], q: number) => sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;

describe('series frames', () => {
  it('come once per interval, the last at the end, laid out node by node with every metric', () => {
    const doc = singleStation(50, { service: { type: 'exponential', meanMs: 10 } });
    const r = createRun(doc, { durationS: 600, warmupS: 0, seriesIntervalS: 10 });
    expect(r.seriesLayout).toEqual({ intervalMs: 10_000, nodes: Object.keys(doc.nodes), metrics: SERIES_METRICS });
    r.advance({ untilMs: 200_000 });
    const first = r.drain().frames;
    r.advance();
    const frames = [...first, ...r.drain().frames];
    expect(first).toHaveLength(20);
    expect(frames.map((f) => f.tMs)).toEqual(Array.from({ length: 60 }, (_, k) => (k + 1) * 10_000));
    for (const f of frames) expect(f.values).toHaveLength(Object.keys(doc.nodes).length * SERIES_METRICS.length);
    // The settings' scrape interval by default (15 s), and none at all when switched off.
    const byDefault = createRun(doc, { durationS: 60 });
    expect(byDefault.seriesLayout.intervalMs).toBe(15_000);
    byDefault.advance();
    expect(byDefault.drain().frames).toHaveLength(4);
    const off = createRun(doc, { durationS: 60, recordSeries: false });
    off.advance();
    expect(off.drain().frames).toHaveLength(0);
    expect(() => createRun(doc, { seriesIntervalS: 0 })).toThrow(/series interval/);
  });

  it('give rates whose sums over the frames are the summary counts, and NaN where there is no data', () => {
    // Overloaded with a small queue and a timeout: arrivals, completions, rejections and errors.
    const doc = topology(
      {
        src: { kind: 'traffic-source', rate: { type: 'constant', rps: 150 }, arrivals: 'poisson' },
        app: { kind: 'container', queueCapacity: 5, timeoutMs: 40, serviceTime: { default: { type: 'exponential', meanMs: 8 } } },
        idle: { kind: 'container', serviceTime: { default: { type: 'constant', valueMs: 1 } } },
      },
      [{ type: 'call', from: 'src', to: 'app', latencyMs: 0 }],
    );
    const r = createRun(doc, { durationS: 300, warmupS: 0, seriesIntervalS: 5 });
    r.advance();
    const frames = r.drain().frames;
    const s = r.summary();
    const total = (node: number, metric: (typeof SERIES_METRICS)[number]) => frames.reduce((sum, f) => sum + at(f, node, metric) * 5, 0);
    const app = s.nodes.app!;
    expect(app.rejected).toBeGreaterThan(0);
    expect(app.errors).toBeGreaterThan(0);
    expect(total(1, 'arrivals_rps')).toBeCloseTo(app.arrivals, 6);
    expect(total(1, 'throughput_rps')).toBeCloseTo(app.completions, 6);
    expect(total(1, 'rejected_rps')).toBeCloseTo(app.rejected, 6);
    expect(total(1, 'errors_rps')).toBeCloseTo(app.errors, 6);
    expect(total(0, 'arrivals_rps')).toBeCloseTo(s.sources.src!.requests, 6);
    expect(total(0, 'throughput_rps')).toBeCloseTo(s.sources.src!.completed, 6);
    // Utilisation over the frames averages to the run's.
    const meanUtil = frames.reduce((sum, f) => sum + at(f, 1, 'utilization_percent'), 0) / frames.length;
    expect(meanUtil / 100).toBeCloseTo(app.utilization!, 9);
    for (const f of frames) {
      expect(at(f, 2, 'throughput_rps')).toBe(0);
      expect(at(f, 2, 'latency_p50_ms')).toBeNaN(); // no completions
      expect(at(f, 2, 'error_rate_percent')).toBeNaN();
      expect(at(f, 2, 'up')).toBe(1);
      expect(at(f, 0, 'cpu_cores')).toBeNaN(); // a traffic source has no resources
      expect(at(f, 1, 'replication_lag_ms')).toBeNaN();
    }
  });

  it('give interval percentiles within 3.2 % of the latencies computed directly', () => {
    // Evenly spaced arrivals 100 ms apart and service 1–60 ms: no request waits, so request k
    // spends exactly the k-th service time the node's stream draws.
    const service = { type: 'uniform' as const, minMs: 1, maxMs: 60 };
    const doc = topology(
      { src: { kind: 'traffic-source', rate: { type: 'constant', rps: 10 }, arrivals: 'deterministic' }, server: { kind: 'container', serviceTime: { default: service } } },
      [{ type: 'call', from: 'src', to: 'server', latencyMs: 0 }],
    );
    const r = createRun(doc, { seed: 7, durationS: 200, warmupS: 0, seriesIntervalS: 20 });
    r.advance();
    const frames = r.drain().frames;
    const draw = createSampler(service, createStream(7, 'server/service'));
    const completions = frames.reduce((sum, f) => sum + at(f, 1, 'throughput_rps') * 20, 0);
    const samples = Array.from({ length: Math.round(completions) }, () => draw());
    let from = 0;
    for (const f of frames) {
      const n = Math.round(at(f, 1, 'throughput_rps') * 20);
      const mine = samples.slice(from, from + n).sort((a, b) => a - b);
      from += n;
      for (const [q, metric] of [[0.5, 'latency_p50_ms'], [0.95, 'latency_p95_ms'], [0.99, 'latency_p99_ms']] as const) {
        const exact = exactQuantile(mine, q);
        expect(Math.abs(at(f, 1, metric) - exact) / exact, `${metric} at ${f.tMs}`).toBeLessThanOrEqual(1 / 32);
      }
    }
    expect(from).toBe(samples.length);
  });

  it('wait in a bounded buffer between drains: the oldest go, counted, with a warning', () => {
    // 5,000 idle nodes: a frame is 760 KB, so 88 of them fill the 64 MiB buffer.
    const nodes: TopologyInput['nodes'] = {};
    for (let i = 0; i < 5000; i++) nodes[`n${i}`] = { kind: 'container', serviceTime: { default: { type: 'constant', valueMs: 1 } } };
    const doc = topologySchema.parse({ apiVersion: 'devsim.io/v1', kind: 'Topology', metadata: { name: 'wide' }, nodes, links: [] });
    const r = createRun(doc, { durationS: 100, seriesIntervalS: 1 });
    r.advance();
    const frames = r.drain().frames;
    const cap = Math.floor((64 * 1024 * 1024) / (5000 * SERIES_METRICS.length * 8));
    expect(frames).toHaveLength(cap);
    expect(frames.at(-1)!.tMs).toBe(100_000);
    expect(frames[0]!.tMs).toBe((100 - cap + 1) * 1000);
    const s = r.summary();
    expect(s.totals.frames_dropped).toBe(100 - cap);
    expect(s.warnings.some((w) => w.includes(`${100 - cap} series frames were dropped`))).toBe(true);
  });

  it("carry the data tier's gauges: replication lag at PostgreSQL with replicas, consumer lag at Kafka, NaN elsewhere", () => {
    const gauges = (name: string, metric: (typeof SERIES_METRICS)[number]) => {
      const r = createRun(template(name), { durationS: 120, seriesIntervalS: 10 });
      r.advance();
      const frames = r.drain().frames;
      return (id: string) => frames.map((f) => at(f, r.seriesLayout.nodes.indexOf(id), metric));
    };
    const lag = gauges('production', 'replication_lag_ms');
    for (const v of lag('db')) expect(v).toBeGreaterThanOrEqual(0);
    for (const v of lag('api')) expect(v).toBeNaN();
    const consumer = gauges('experimental', 'consumer_lag');
    for (const v of consumer('kafka')) expect(v).toBeGreaterThanOrEqual(0);
    for (const v of consumer('db')) expect(v).toBeNaN();
  });

  it('are byte-identical for the same document and seed, and differ for another seed', () => {
    const framesOf = (seed: number) => {
      const r = createRun(template('three-tier'), { seed, durationS: 300, seriesIntervalS: 10 });
      r.advance();
      return hashOf(r.drain().frames);
    };
    expect(framesOf(3)).toBe(framesOf(3));
    expect(framesOf(4)).not.toBe(framesOf(3));
  });
});
