#!/usr/bin/env node
// `npm run bench`: the kernel benchmarks, each in its own Node process so one does not warm
// or fill the heap of the next. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const benches = ['kernel-engine-hold.mjs', 'kernel-models.mjs', 'kernel-production-day.mjs'];
let failed = false;
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  const r = spawnSync(process.execPath, [join(import.meta.dirname, bench), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
