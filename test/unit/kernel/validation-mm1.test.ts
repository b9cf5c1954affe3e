// M/M/1 against W = 1/(μ−λ) and Wq = ρ/(μ−λ) at ρ = 0.5, 0.8, 0.95: 99 % batch-means
// intervals, 30 batches each far longer than the relaxation time 1/(μ(1−√ρ)²).
import { describe, expect, it } from 'vitest';
import { runBatches } from './helpers/batch-means.js';
import { singleStation } from './helpers/documents.js';
import { mm1 } from './helpers/theory.js';
import { expectInInterval, expectLittle } from './helpers/validate.js';

// Mean service 1 ms (μ = 1/ms); λ = ρ/ms, i.e. 1000ρ requests per second.
const cases = [
  { rho: 0.5, batchS: 20, tight: 0.03 },
  { rho: 0.8, batchS: 40, tight: 0.05 },
  { rho: 0.95, batchS: 200, tight: 0.1 },
];

describe('M/M/1', () => {
  for (const { rho, batchS, tight } of cases) {
    it(`ρ = ${rho}: mean wait Wq, time in system W and number in system L inside the 99 % interval; Little's law holds`, () => {
      const theory = mm1(rho, 1);
      const r = runBatches(singleStation(1000 * rho, { service: { type: 'exponential', meanMs: 1 } }), { warmupS: batchS, batches: 30, batchS });
      const label = `M/M/1 ρ=${rho}`;
      const node = r.nodes.server!;
      expectInInterval(label, 'W (ms)', node.w, theory.w, tight);
      expectInInterval(label, 'Wq (ms)', node.wq, theory.wq, tight);
      expectInInterval(label, 'L', node.l, theory.l, tight);
      expectInInterval(label, 'utilisation', node.l.map((l, i) => l - node.lq[i]!), rho, 0.02);
      expectLittle(r.summary);
      expect(r.summary.totals.complete).toBe(true);
    });
  }
});
