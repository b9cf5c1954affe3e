// Confidence intervals by batch means: one long run after a warm-up, cut into batches long
// compared with the queue's relaxation time, so batch averages are close to independent.
import { createRun, type RunSummary } from '../../../../src-main/kernel/index.js';
import type { Topology } from '../../../../src-preload/contract/index.js';

export interface BatchPlan {
  warmupS: number;
  batches: number;
  batchS: number;
  seed?: number;
}

export interface NodeBatches {
  /** Mean time in node (queue + service), ms. */
  w: number[];
  /** Mean wait in queue, ms. */
  wq: number[];
  /** Time-average number in node. */
  l: number[];
  lq: number[];
  /** Completions per ms. */
  throughput: number[];
  /** Rejected / arrivals. */
  blocking: number[];
}

export interface BatchResult {
  nodes: Record<string, NodeBatches>;
  /** End-to-end mean latency per source, ms. */
  sources: Record<string, number[]>;
  summary: RunSummary;
  events: number;
}

export function runBatches(doc: Topology, plan: BatchPlan): BatchResult {
  const run = createRun(doc, { seed: plan.seed ?? 1, warmupS: plan.warmupS, durationS: plan.warmupS + plan.batches * plan.batchS });
  const nodes: Record<string, NodeBatches> = {};
  const sources: Record<string, number[]> = {};
  let prev: RunSummary | null = null;
  for (let b = 1; b <= plan.batches; b++) {
    run.advance({ untilMs: (plan.warmupS + b * plan.batchS) * 1000 });
    const cur = run.summary();
    const curT = cur.totals.measured_seconds * 1000;
    const prevT = (prev?.totals.measured_seconds ?? 0) * 1000;
    const dT = curT - prevT;
    for (const [id, n] of Object.entries(cur.nodes)) {
      const p = prev?.nodes[id];
      const dN = n.completions - (p?.completions ?? 0);
      const d = (f: (x: typeof n) => number) => f(n) - (p === undefined ? 0 : f(p));
      const entry = (nodes[id] ??= { w: [], wq: [], l: [], lq: [], throughput: [], blocking: [] });
      entry.w.push(d((x) => x.latency_ms.mean * x.completions) / dN);
      entry.wq.push(d((x) => x.wait_ms.mean * x.completions) / dN);
      // Time averages times the time they cover give areas; the batch's area over its span.
      entry.l.push((n.mean_in_system * curT - (p === undefined ? 0 : p.mean_in_system * prevT)) / dT);
      entry.lq.push((n.mean_queue_length * curT - (p === undefined ? 0 : p.mean_queue_length * prevT)) / dT);
      entry.throughput.push(dN / dT);
      entry.blocking.push(d((x) => x.rejected) / d((x) => x.arrivals));
    }
    for (const [id, s] of Object.entries(cur.sources)) {
      const p = prev?.sources[id];
      const dN = s.completed - (p?.completed ?? 0);
      (sources[id] ??= []).push((s.latency_ms.mean * s.completed - (p === undefined ? 0 : p.latency_ms.mean * p.completed)) / dN);
    }
    prev = cur;
  }
  return { nodes, sources, summary: prev!, events: run.eventsProcessed };
}

export interface Interval {
  mean: number;
  halfWidth: number;
  lo: number;
  hi: number;
}

/** Student-t quantile by the Cornish–Fisher expansion (accurate to ~1e-4 for ν ≥ 10). */
function tQuantile(z: number, nu: number): number {
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu ** 3) + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * nu ** 4);
}

/** Two-sided 99 % confidence interval of the mean of the batch values. */
export function interval99(xs: readonly number[]): Interval {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const halfWidth = (tQuantile(2.5758293035489, n - 1) * sd) / Math.sqrt(n);
  return { mean, halfWidth, lo: mean - halfWidth, hi: mean + halfWidth };
}
