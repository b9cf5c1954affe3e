// The validation suite's scenarios in one place: each a document, a batch-means plan and the
// quantities compared with queueing theory. The vitest suite asserts them; the
// validation-table script (npm run validation-table) prints them as the README's table.
import type { Topology } from '../../../../src-preload/contract/index.js';
import type { BatchPlan, BatchResult } from './batch-means.js';
import { network, singleStation } from './documents.js';
import { mg1, mm1, mmc, mmck } from './theory.js';

export interface Check {
  quantity: string;
  theory: number;
  /** The batch values of the simulated quantity. */
  batches: (r: BatchResult) => readonly number[];
  /** Largest half-width of the 99 % interval, relative to the theory. */
  tight: number;
}

export interface ValidationCase {
  /** The model as the table names it, e.g. "M/M/1 ρ=0.8". */
  model: string;
  group: 'M/M/1' | 'M/M/c' | 'M/M/c/K' | 'M/G/1' | 'Jackson';
  /** What the test asserts, as its title says. */
  title: string;
  doc: () => Topology;
  plan: BatchPlan;
  checks: Check[];
  /** M/M/c/K: waiting places at `server`, never exceeded. */
  queueCapacity?: number;
}

const exponential = (meanMs: number) => ({ type: 'exponential' as const, meanMs });
const at = (id: string) => (r: BatchResult) => r.nodes[id]!;

function mm1Case(rho: number, batchS: number, tight: number): ValidationCase {
  // Mean service 1 ms (μ = 1/ms); λ = ρ/ms, i.e. 1000ρ requests per second.
  const t = mm1(rho, 1);
  return {
    model: `M/M/1 ρ=${rho}`,
    group: 'M/M/1',
    title: `ρ = ${rho}: mean wait Wq, time in system W and number in system L inside the 99 % interval; Little's law holds`,
    doc: () => singleStation(1000 * rho, { service: exponential(1) }),
    // 30 batches each far longer than the relaxation time 1/(μ(1−√ρ)²).
    plan: { warmupS: batchS, batches: 30, batchS },
    checks: [
      { quantity: 'W (ms)', theory: t.w, batches: (r) => at('server')(r).w, tight },
      { quantity: 'Wq (ms)', theory: t.wq, batches: (r) => at('server')(r).wq, tight },
      { quantity: 'L', theory: t.l, batches: (r) => at('server')(r).l, tight },
      { quantity: 'utilisation', theory: rho, batches: (r) => at('server')(r).l.map((l, i) => l - at('server')(r).lq[i]!), tight: 0.02 },
    ],
  };
}

function mm3Case(rho: number, batchS: number, tight: number): ValidationCase {
  // Mean service 1 ms; λ = 3ρ per ms.
  const t = mmc(3 * rho, 1, 3);
  return {
    model: `M/M/3 ρ=${rho}`,
    group: 'M/M/c',
    title: `ρ = ${rho}: Wq, W and L inside the 99 % interval; Little's law holds`,
    doc: () => singleStation(3000 * rho, { service: exponential(1), servers: 3 }),
    plan: { warmupS: batchS, batches: 30, batchS },
    checks: [
      { quantity: 'W (ms)', theory: t.w, batches: (r) => at('server')(r).w, tight },
      { quantity: 'Wq (ms)', theory: t.wq, batches: (r) => at('server')(r).wq, tight: rho === 0.5 ? 0.1 : tight },
      { quantity: 'L', theory: t.l, batches: (r) => at('server')(r).l, tight },
    ],
  };
}

function mmckCase(c: number, queue: number, rho: number): ValidationCase {
  // Written as the schema writes it: concurrency c, queueCapacity K − c.
  const k = c + queue;
  const lambda = c * rho;
  const t = mmck(lambda, 1, c, k);
  return {
    model: `M/M/${c}/${k} ρ=${rho}`,
    group: 'M/M/c/K',
    title: `c = ${c}, K = ${k}, offered ρ = ${rho}: blocking probability P_K and throughput λ(1−P_K) inside the 99 % interval`,
    doc: () => singleStation(1000 * lambda, { service: exponential(1), servers: c, queueCapacity: queue }),
    plan: { warmupS: 5, batches: 30, batchS: 10 },
    queueCapacity: queue,
    checks: [
      { quantity: 'P_K (blocking)', theory: t.pK, batches: (r) => at('server')(r).blocking, tight: 0.05 },
      { quantity: 'throughput (per ms)', theory: t.throughput, batches: (r) => at('server')(r).throughput, tight: 0.02 },
      { quantity: 'W (ms)', theory: t.w, batches: (r) => at('server')(r).w, tight: 0.03 },
    ],
  };
}

function md1Case(rho: number): ValidationCase {
  // Constant service halves the M/M/1 queueing delay.
  return {
    model: `M/D/1 ρ=${rho}`,
    group: 'M/G/1',
    title: `M/D/1 at ρ = ${rho}: Wq is half the M/M/1 value`,
    doc: () => singleStation(1000 * rho, { service: { type: 'constant', valueMs: 1 } }),
    plan: { warmupS: 20, batches: 30, batchS: 20 },
    checks: [
      { quantity: 'Wq (ms)', theory: mm1(rho, 1).wq / 2, batches: (r) => at('server')(r).wq, tight: 0.05 },
      { quantity: 'W (ms)', theory: mg1(rho, 1, 1).w, batches: (r) => at('server')(r).w, tight: 0.03 },
    ],
  };
}

function lognormalCase(): ValidationCase {
  // Mean 1 ms, sd 2 ms: E[S²] = σ² + m² = 5.
  const t = mg1(0.7, 1, 2 ** 2 + 1);
  return {
    model: 'M/G/1 lognormal ρ=0.7',
    group: 'M/G/1',
    title: 'M/G/1 with lognormal service (mean 1 ms, sd 2 ms) at ρ = 0.7',
    doc: () => singleStation(700, { service: { type: 'lognormal', meanMs: 1, stdDevMs: 2 } }),
    plan: { warmupS: 50, batches: 30, batchS: 50 },
    checks: [
      { quantity: 'Wq (ms)', theory: t.wq, batches: (r) => at('server')(r).wq, tight: 0.1 },
      { quantity: 'W (ms)', theory: t.w, batches: (r) => at('server')(r).w, tight: 0.1 },
    ],
  };
}

function tandemCase(): ValidationCase {
  // λ = 0.6/ms; A: mean 1 ms (ρ 0.6); B: mean 1.25 ms (ρ 0.75).
  const a = mm1(0.6, 1);
  const b = mm1(0.6, 0.8);
  return {
    model: 'tandem A → B',
    group: 'Jackson',
    title: 'tandem A → B: each station M/M/1 at λ, end to end W_A + W_B',
    doc: () => network(600, { a: { service: exponential(1) }, b: { service: exponential(1.25) } }, [{ from: 'a', to: 'b' }]),
    plan: { warmupS: 20, batches: 30, batchS: 20 },
    checks: [
      { quantity: 'W_A (ms)', theory: a.w, batches: (r) => at('a')(r).w, tight: 0.05 },
      { quantity: 'W_B (ms)', theory: b.w, batches: (r) => at('b')(r).w, tight: 0.05 },
      { quantity: 'end to end (ms)', theory: a.w + b.w, batches: (r) => r.sources.arrivals!, tight: 0.05 },
    ],
  };
}

function branchingCase(): ValidationCase {
  // γ = 0.6/ms into A. λ_B = 0.5 λ_A, λ_C = 0.4 λ_A, λ_D = 0.5 λ_C.
  const lambda = 0.6;
  const lB = 0.5 * lambda;
  const lC = 0.4 * lambda;
  const lD = 0.5 * lC;
  const a = mm1(lambda, 1);
  const b = mm1(lB, 1 / 2.5); // ρ 0.75
  const c = mm1(lC, 1 / 3); // ρ 0.72
  const d = mm1(lD, 1 / 4); // ρ 0.48
  return {
    model: 'branching A → B, C → D',
    group: 'Jackson',
    title: 'branching A → B (p = 0.5), A → C (p = 0.4), C → D (p = 0.5): traffic equations and product form',
    doc: () =>
      network(600, { a: { service: exponential(1) }, b: { service: exponential(2.5) }, c: { service: exponential(3) }, d: { service: exponential(4) } }, [
        { from: 'a', to: 'b', probability: 0.5 },
        { from: 'a', to: 'c', probability: 0.4 },
        { from: 'c', to: 'd', probability: 0.5 },
      ]),
    plan: { warmupS: 40, batches: 30, batchS: 40 },
    checks: [
      { quantity: 'λ_B (per ms)', theory: lB, batches: (r) => at('b')(r).throughput, tight: 0.02 },
      { quantity: 'λ_D (per ms)', theory: lD, batches: (r) => at('d')(r).throughput, tight: 0.03 },
      { quantity: 'W_A (ms)', theory: a.w, batches: (r) => at('a')(r).w, tight: 0.05 },
      { quantity: 'W_B (ms)', theory: b.w, batches: (r) => at('b')(r).w, tight: 0.05 },
      { quantity: 'W_C (ms)', theory: c.w, batches: (r) => at('c')(r).w, tight: 0.05 },
      { quantity: 'W_D (ms)', theory: d.w, batches: (r) => at('d')(r).w, tight: 0.05 },
      { quantity: 'end to end (ms)', theory: a.w + 0.5 * b.w + 0.4 * (c.w + 0.5 * d.w), batches: (r) => r.sources.arrivals!, tight: 0.05 },
    ],
  };
}

export const VALIDATION_CASES: readonly ValidationCase[] = [
  mm1Case(0.5, 20, 0.03),
  mm1Case(0.8, 40, 0.05),
  mm1Case(0.95, 200, 0.1),
  mm3Case(0.5, 10, 0.05),
  mm3Case(0.8, 20, 0.05),
  mm3Case(0.95, 80, 0.1),
  mmckCase(1, 4, 0.9),
  mmckCase(2, 3, 0.8),
  mmckCase(2, 3, 1.5),
  md1Case(0.5),
  md1Case(0.8),
  lognormalCase(),
  tandemCase(),
  branchingCase(),
];

/** Templates whose runs must satisfy Little's law at every station. */
export const LITTLE_TEMPLATES = ['single-queue', 'three-tier'] as const;
/** How long each template runs for the Little's law check (s) and its warm-up. */
export const LITTLE_RUN = { durationS: 1800, warmupS: 60 } as const;
