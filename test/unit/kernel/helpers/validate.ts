// Shared checks of the validation suite: the theory inside the 99 % interval, the interval
// reasonably tight, Little's law on the recorded data; each comparison printed as a table row.
import { expect } from 'vitest';
import type { RunSummary } from '../../../../src-main/kernel/index.js';
import { interval99, type Interval } from './batch-means.js';

export interface Row {
  case: string;
  quantity: string;
  theory: number;
  simulated: number;
  lo: number;
  hi: number;
}

/** Expects `theory` in the interval of the batch values and the half-width ≤ `tight` × theory. */
export function expectInInterval(label: string, quantity: string, batches: readonly number[], theory: number, tight: number): Interval {
  const ci = interval99(batches);
  const row: Row = { case: label, quantity, theory, simulated: ci.mean, lo: ci.lo, hi: ci.hi };
  console.log(`VALIDATION ${JSON.stringify(row)}`);
  expect(theory, `${label} ${quantity}: theory ${theory} outside [${ci.lo}, ${ci.hi}]`).toBeGreaterThanOrEqual(ci.lo);
  expect(theory, `${label} ${quantity}: theory ${theory} outside [${ci.lo}, ${ci.hi}]`).toBeLessThanOrEqual(ci.hi);
  expect(ci.halfWidth / theory, `${label} ${quantity}: interval ±${ci.halfWidth} too wide`).toBeLessThan(tight);
  return ci;
}

/** Little's law L = λW at every station of a finished run, within `tolerance` (relative). */
export function expectLittle(summary: RunSummary, tolerance = 0.01): void {
  for (const [id, n] of Object.entries(summary.nodes)) {
    if (n.completions === 0 || n.mean_in_system === 0) continue;
    const lambdaW = (n.throughput_rps / 1000) * n.latency_ms.mean;
    expect(Math.abs(n.mean_in_system - lambdaW) / n.mean_in_system, `Little's law at ${id}: L = ${n.mean_in_system}, λW = ${lambdaW}`).toBeLessThan(tolerance);
    const lambdaWq = (n.throughput_rps / 1000) * n.wait_ms.mean;
    if (n.mean_queue_length > 0.01) expect(Math.abs(n.mean_queue_length - lambdaWq) / n.mean_queue_length, `Little's law (queue) at ${id}`).toBeLessThan(tolerance);
  }
}
