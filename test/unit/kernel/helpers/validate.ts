// Shared checks of the validation suite: the theory inside the 99 % interval, the interval
// reasonably tight, Little's law on the recorded data; each comparison printed as a table row.
import { expect } from 'vitest';
import type { RunSummary } from '../../../../src-main/kernel/index.js';
import { interval99, runBatches, type BatchResult, type Interval } from './batch-means.js';
import { littleChecks } from './little.js';
import type { ValidationCase } from './validation-cases.js';

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
  for (const c of littleChecks(summary)) {
    expect(Math.abs(c.l - c.lambdaW) / c.l, `Little's law at ${c.node}: L = ${c.l}, λW = ${c.lambdaW}`).toBeLessThan(tolerance);
    if (c.lq > 0.01) expect(Math.abs(c.lq - c.lambdaWq) / c.lq, `Little's law (queue) at ${c.node}`).toBeLessThan(tolerance);
  }
}

/** Runs a case of the suite: every check inside its interval, Little's law, a complete run, the queue (of `server`) never past its capacity. */
export function expectCase(c: ValidationCase): BatchResult {
  const r = runBatches(c.doc(), c.plan);
  for (const check of c.checks) expectInInterval(c.model, check.quantity, check.batches(r), check.theory, check.tight);
  expectLittle(r.summary);
  expect(r.summary.totals.complete).toBe(true);
  if (c.queueCapacity !== undefined) expect(Math.max(...r.nodes.server!.lq)).toBeLessThanOrEqual(c.queueCapacity);
  return r;
}
