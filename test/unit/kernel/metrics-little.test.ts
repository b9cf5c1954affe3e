// Little's law L = λW on the recorded data of every template and of textbook networks, twice:
// - on the summary: the time-average number in the node against throughput × mean time in it.
//   On one sample path the two differ only by the requests inside at the ends of the measured
//   span (a few W out of T), far below 1 % for runs of many minutes and latencies of ms to s;
// - on the series frames: in_flight is a gauge read at each scrape, so its mean over the frames
//   estimates L with sampling error that shrinks with the number of frames. We take a 99 %
//   batch-means interval over the frames (20 batches) and ask λW (λ from the frames' rates)
//   to lie in it, widened by the same 1 % for the ends of the span. Nodes whose L is so small
//   that n samples would mostly read 0 are left to the summary check.
import { describe, expect, it } from 'vitest';
import { createRun, SERIES_METRICS, type SeriesFrame } from '../../../src-main/kernel/index.js';
import type { Topology } from '../../../src-preload/contract/index.js';
import { interval99 } from './helpers/batch-means.js';
import { network, singleStation, template } from './helpers/documents.js';
import { expectLittle } from './helpers/validate.js';

const INTERVAL_S = 10;
const WARMUP_S = 60;

const cases: { name: string; doc: () => Topology; durationS: number }[] = [
  ...['single-queue', 'three-tier', 'development', 'experimental', 'production'].map((name) => ({ name, doc: () => template(name), durationS: 1800 })),
  { name: 'M/M/1 ρ=0.8', doc: () => singleStation(800, { service: { type: 'exponential', meanMs: 1 } }), durationS: 600 },
  { name: 'M/M/3 ρ=0.9', doc: () => singleStation(2700, { service: { type: 'exponential', meanMs: 1 }, servers: 3 }), durationS: 600 },
  {
    name: 'tandem with branching',
    doc: () =>
      network(
        400,
        { a: { service: { type: 'exponential', meanMs: 1 } }, b: { service: { type: 'constant', valueMs: 1.5 } }, c: { service: { type: 'exponential', meanMs: 2 }, servers: 2 } },
        [
          { from: 'a', to: 'b', probability: 0.6 },
          { from: 'a', to: 'c', probability: 0.4 },
        ],
      ),
    durationS: 600,
  },
];

const value = (f: SeriesFrame, node: number, metric: (typeof SERIES_METRICS)[number]) => f.values[node * SERIES_METRICS.length + SERIES_METRICS.indexOf(metric)]!;

describe("Little's law on recorded data", () => {
  for (const c of cases) {
    it(`${c.name}: on the summary and on the series frames`, () => {
      const r = createRun(c.doc(), { durationS: c.durationS, warmupS: WARMUP_S, seriesIntervalS: INTERVAL_S });
      const frames: SeriesFrame[] = [];
      while (r.advance({ untilMs: r.now + 300_000 }) === 'running') frames.push(...r.drain().frames);
      frames.push(...r.drain().frames);
      const s = r.summary();
      expect(s.totals.complete, s.totals.stop_reason ?? '').toBe(true);
      expectLittle(s, 0.01);
      const measured = frames.filter((f) => f.tMs > WARMUP_S * 1000);
      expect(measured).toHaveLength((c.durationS - WARMUP_S) / INTERVAL_S);
      let checked = 0;
      r.seriesLayout.nodes.forEach((id, i) => {
        const n = s.nodes[id];
        // A gauge sampled n times cannot tell an L below ~10/n from 0 (a balancer passing requests in µs).
        if (n === undefined || n.completions < 1000 || n.mean_in_system * measured.length < 10) return;
        const lambdaPerMs = measured.reduce((sum, f) => sum + value(f, i, 'throughput_rps'), 0) / measured.length / 1000;
        expect(lambdaPerMs * 1000).toBeCloseTo(n.throughput_rps, 6);
        const lambdaW = lambdaPerMs * n.latency_ms.mean;
        const batch = measured.length / 20;
        const batches = Array.from({ length: 20 }, (_, b) => measured.slice(b * batch, (b + 1) * batch).reduce((sum, f) => sum + value(f, i, 'in_flight'), 0) / batch);
        const ci = interval99(batches);
        const slack = 0.01 * lambdaW;
        expect(lambdaW, `${c.name} ${id}: λW = ${lambdaW} outside the frames' interval [${ci.lo}, ${ci.hi}] for L`).toBeGreaterThanOrEqual(ci.lo - slack);
        expect(lambdaW, `${c.name} ${id}: λW = ${lambdaW} outside the frames' interval [${ci.lo}, ${ci.hi}] for L`).toBeLessThanOrEqual(ci.hi + slack);
        checked++;
      });
      expect(checked).toBeGreaterThan(0);
    });
  }
});
