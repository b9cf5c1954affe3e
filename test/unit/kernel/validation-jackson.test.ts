// Open Jackson networks: each station behaves as an independent M/M/1 with the arrival rate
// from the traffic equations; the end-to-end mean is the sum of the visits' sojourns.
// 99 % batch-means intervals.
import { describe, it } from 'vitest';
import { runBatches } from './helpers/batch-means.js';
import { network } from './helpers/documents.js';
import { mm1 } from './helpers/theory.js';
import { expectInInterval, expectLittle } from './helpers/validate.js';

const exp = (meanMs: number) => ({ service: { type: 'exponential' as const, meanMs } });

describe('open Jackson networks', () => {
  it('tandem A → B: each station M/M/1 at λ, end to end W_A + W_B', () => {
    // λ = 0.6/ms; A: mean 1 ms (ρ 0.6); B: mean 1.25 ms (ρ 0.75).
    const lambda = 0.6;
    const a = mm1(lambda, 1);
    const b = mm1(lambda, 0.8);
    const r = runBatches(network(600, { a: exp(1), b: exp(1.25) }, [{ from: 'a', to: 'b' }]), { warmupS: 20, batches: 30, batchS: 20 });
    expectInInterval('tandem', 'W_A (ms)', r.nodes.a!.w, a.w, 0.05);
    expectInInterval('tandem', 'W_B (ms)', r.nodes.b!.w, b.w, 0.05);
    expectInInterval('tandem', 'end to end (ms)', r.sources.arrivals!, a.w + b.w, 0.05);
    expectLittle(r.summary);
  });

  it('branching A → B (p = 0.5), A → C (p = 0.4), C → D (p = 0.5): traffic equations and product form', () => {
    // γ = 0.6/ms into A. λ_B = 0.5 λ_A, λ_C = 0.4 λ_A, λ_D = 0.5 λ_C.
    const lambda = 0.6;
    const lB = 0.5 * lambda;
    const lC = 0.4 * lambda;
    const lD = 0.5 * lC;
    const a = mm1(lambda, 1);
    const b = mm1(lB, 1 / 2.5); // ρ 0.75
    const c = mm1(lC, 1 / 3); // ρ 0.72
    const d = mm1(lD, 1 / 4); // ρ 0.48
    const doc = network(600, { a: exp(1), b: exp(2.5), c: exp(3), d: exp(4) }, [
      { from: 'a', to: 'b', probability: 0.5 },
      { from: 'a', to: 'c', probability: 0.4 },
      { from: 'c', to: 'd', probability: 0.5 },
    ]);
    const r = runBatches(doc, { warmupS: 40, batches: 30, batchS: 40 });
    const label = 'branching network';
    expectInInterval(label, 'λ_B (per ms)', r.nodes.b!.throughput, lB, 0.02);
    expectInInterval(label, 'λ_D (per ms)', r.nodes.d!.throughput, lD, 0.03);
    expectInInterval(label, 'W_A (ms)', r.nodes.a!.w, a.w, 0.05);
    expectInInterval(label, 'W_B (ms)', r.nodes.b!.w, b.w, 0.05);
    expectInInterval(label, 'W_C (ms)', r.nodes.c!.w, c.w, 0.05);
    expectInInterval(label, 'W_D (ms)', r.nodes.d!.w, d.w, 0.05);
    expectInInterval(label, 'end to end (ms)', r.sources.arrivals!, a.w + 0.5 * b.w + 0.4 * (c.w + 0.5 * d.w), 0.05);
    expectLittle(r.summary);
  });
});
