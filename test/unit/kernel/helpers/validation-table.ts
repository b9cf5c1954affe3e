// The validation suite as a table (README "Validation"): each case of validation-cases.ts run
// as the suite runs it, each quantity with its theory, the batch-means estimate, the 99 %
// interval and whether the theory lies inside; Little's law on template runs.
import { createRun } from '../../../../src-main/kernel/index.js';
import type { Topology } from '../../../../src-preload/contract/index.js';
import { interval99, runBatches } from './batch-means.js';
import { littleChecks } from './little.js';
import { LITTLE_RUN, LITTLE_TEMPLATES, VALIDATION_CASES } from './validation-cases.js';

export interface TableRow {
  model: string;
  quantity: string;
  theory: number;
  simulated: number;
  /** The 99 % interval; null where the check is a relative tolerance (Little's law, 1 %). */
  lo: number | null;
  hi: number | null;
  holds: boolean;
}

/** Runs every case (minutes); `progress` hears each case as it finishes. */
export function validationRows(template: (name: string) => Topology, progress: (model: string, events: number) => void = () => {}): TableRow[] {
  const rows: TableRow[] = [];
  for (const c of VALIDATION_CASES) {
    const r = runBatches(c.doc(), c.plan);
    for (const check of c.checks) {
      const ci = interval99(check.batches(r));
      rows.push({ model: c.model, quantity: check.quantity, theory: check.theory, simulated: ci.mean, lo: ci.lo, hi: ci.hi, holds: ci.lo <= check.theory && check.theory <= ci.hi });
    }
    progress(c.model, r.events);
  }
  for (const name of LITTLE_TEMPLATES) {
    const run = createRun(template(name), LITTLE_RUN);
    run.advance();
    for (const l of littleChecks(run.summary())) {
      rows.push({ model: `Little's law, template ${name}`, quantity: `L = λW at ${l.node}`, theory: l.lambdaW, simulated: l.l, lo: null, hi: null, holds: Math.abs(l.l - l.lambdaW) / l.l < 0.01 });
    }
    progress(`template ${name}`, run.eventsProcessed);
  }
  return rows;
}

export function markdownTable(rows: readonly TableRow[]): string {
  const lines = ['| model | quantity | theory | simulated (batch means) | 99 % interval | holds? |', '|---|---|---:|---:|---|:---:|'];
  for (const r of rows) {
    const interval = r.lo === null || r.hi === null ? 'within 1 %' : `[${num(r.lo)}, ${num(r.hi)}]`;
    lines.push(`| ${r.model} | ${r.quantity} | ${num(r.theory)} | ${num(r.simulated)} | ${interval} | ${r.holds ? 'yes' : '**no**'} |`);
  }
  return lines.join('\n');
}

/** Four significant digits (no exponent for the magnitudes in the table). */
function num(x: number): string {
  const s = x.toPrecision(4);
  return s.includes('e') ? x.toFixed(0) : s;
}
