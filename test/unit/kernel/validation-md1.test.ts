// M/D/1 against Pollaczek–Khinchine: constant service halves the M/M/1 queueing delay.
// Also M/G/1 with lognormal service (E[S²] = σ² + m²). 99 % batch-means intervals.
import { describe, it } from 'vitest';
import { runBatches } from './helpers/batch-means.js';
import { singleStation } from './helpers/documents.js';
import { mg1, mm1 } from './helpers/theory.js';
import { expectInInterval, expectLittle } from './helpers/validate.js';

describe('M/G/1 (Pollaczek–Khinchine)', () => {
  for (const rho of [0.5, 0.8]) {
    it(`M/D/1 at ρ = ${rho}: Wq is half the M/M/1 value`, () => {
      const t = mg1(rho, 1, 1);
      const r = runBatches(singleStation(1000 * rho, { service: { type: 'constant', valueMs: 1 } }), { warmupS: 20, batches: 30, batchS: 20 });
      const label = `M/D/1 ρ=${rho}`;
      expectInInterval(label, 'Wq (ms)', r.nodes.server!.wq, mm1(rho, 1).wq / 2, 0.05);
      expectInInterval(label, 'W (ms)', r.nodes.server!.w, t.w, 0.03);
      expectLittle(r.summary);
    });
  }

  it('M/G/1 with lognormal service (mean 1 ms, sd 2 ms) at ρ = 0.7', () => {
    const t = mg1(0.7, 1, 2 ** 2 + 1);
    const r = runBatches(singleStation(700, { service: { type: 'lognormal', meanMs: 1, stdDevMs: 2 } }), { warmupS: 50, batches: 30, batchS: 50 });
    expectInInterval('M/G/1 lognormal ρ=0.7', 'Wq (ms)', r.nodes.server!.wq, t.wq, 0.1);
    expectInInterval('M/G/1 lognormal ρ=0.7', 'W (ms)', r.nodes.server!.w, t.w, 0.1);
    expectLittle(r.summary);
  });
});
