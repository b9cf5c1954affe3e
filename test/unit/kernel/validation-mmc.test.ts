// M/M/c (Erlang C) with c = 3 at ρ = 0.5, 0.8, 0.95 and M/M/c/K blocking, written as the schema
// writes them: concurrency c, queueCapacity K − c. 99 % batch-means intervals.
import { describe, expect, it } from 'vitest';
import { runBatches } from './helpers/batch-means.js';
import { singleStation } from './helpers/documents.js';
import { mmc, mmck } from './helpers/theory.js';
import { expectInInterval, expectLittle } from './helpers/validate.js';

describe('M/M/3 (Erlang C)', () => {
  // Mean service 1 ms; λ = 3ρ per ms.
  const cases = [
    { rho: 0.5, batchS: 10, tight: 0.05 },
    { rho: 0.8, batchS: 20, tight: 0.05 },
    { rho: 0.95, batchS: 80, tight: 0.1 },
  ];
  for (const { rho, batchS, tight } of cases) {
    it(`ρ = ${rho}: Wq, W and L inside the 99 % interval; Little's law holds`, () => {
      const t = mmc(3 * rho, 1, 3);
      const r = runBatches(singleStation(3000 * rho, { service: { type: 'exponential', meanMs: 1 }, servers: 3 }), { warmupS: batchS, batches: 30, batchS });
      const label = `M/M/3 ρ=${rho}`;
      const node = r.nodes.server!;
      expectInInterval(label, 'W (ms)', node.w, t.w, tight);
      expectInInterval(label, 'Wq (ms)', node.wq, t.wq, rho === 0.5 ? 0.1 : tight);
      expectInInterval(label, 'L', node.l, t.l, tight);
      expectLittle(r.summary);
    });
  }
});

describe('M/M/c/K', () => {
  const cases = [
    { c: 1, queue: 4, rho: 0.9 },
    { c: 2, queue: 3, rho: 0.8 },
    { c: 2, queue: 3, rho: 1.5 },
  ];
  for (const { c, queue, rho } of cases) {
    const k = c + queue;
    it(`c = ${c}, K = ${k}, offered ρ = ${rho}: blocking probability P_K and throughput λ(1−P_K) inside the 99 % interval`, () => {
      const lambda = c * rho;
      const t = mmck(lambda, 1, c, k);
      const r = runBatches(singleStation(1000 * lambda, { service: { type: 'exponential', meanMs: 1 }, servers: c, queueCapacity: queue }), { warmupS: 5, batches: 30, batchS: 10 });
      const label = `M/M/${c}/${k} ρ=${rho}`;
      const node = r.nodes.server!;
      expectInInterval(label, 'P_K (blocking)', node.blocking, t.pK, 0.05);
      expectInInterval(label, 'throughput (per ms)', node.throughput, t.throughput, 0.02);
      expectInInterval(label, 'W (ms)', node.w, t.w, 0.03);
      expect(Math.max(...r.nodes.server!.lq)).toBeLessThanOrEqual(queue);
      expectLittle(r.summary);
    });
  }
});
