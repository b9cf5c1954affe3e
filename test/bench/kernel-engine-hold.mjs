#!/usr/bin/env node
// Benchmark (not a test): the bare engine in the classic hold model. N events are pending;
// each handled event schedules one more at now + Exp(mean 1), so the queue size stays N.
// Prints events per second (median of the runs) for N = 1k, 100k, 1M.
//
//   node test/bench/kernel-engine-hold.mjs [--runs 5] [--events 5000000]
import { parseArgs } from 'node:util';
import { loadKernel, median } from './kernel-load.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, events: { type: 'string', default: '5000000' } }, strict: false });
const RUNS = Math.max(1, Number(values.runs) || 5);
const EVENTS = Math.max(1000, Number(values.events) || 5_000_000);
const k = await loadKernel();

function holdOnce(pending) {
  const sim = new k.Simulator();
  const rng = k.createStream(1, 'hold');
  const kind = sim.register(() => {
    sim.schedule(-Math.log(rng.uniform()), k.PRIORITY_NORMAL, kind, 0);
  });
  for (let i = 0; i < pending; i++) sim.schedule(-Math.log(rng.uniform()), k.PRIORITY_NORMAL, kind, 0);
  // Warm the heap into its steady state (and the JIT) before timing.
  sim.runUntil(Infinity, Math.min(EVENTS, 2 * pending));
  const t0 = performance.now();
  sim.runUntil(Infinity, EVENTS);
  const s = (performance.now() - t0) / 1000;
  return EVENTS / s;
}

export const results = {};
for (const pending of [1_000, 100_000, 1_000_000]) {
  const rates = [];
  for (let r = 0; r < RUNS; r++) rates.push(holdOnce(pending));
  const m = median(rates);
  results[`hold_${pending}`] = Math.round(m);
  console.log(`hold model, ${pending.toLocaleString('en')} pending: ${(m / 1e6).toFixed(2)} M events/s (median of ${RUNS}; ${rates.map((x) => (x / 1e6).toFixed(2)).join(', ')})`);
}
console.log(JSON.stringify({ bench: 'kernel-engine-hold', events_per_run: EVENTS, events_per_second: results }));
