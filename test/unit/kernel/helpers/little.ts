// Little's law L = λW (and Lq = λWq) on the recorded data of a run, per station: the time
// averages against throughput × mean time, both from the summary.
import type { RunSummary } from '../../../../src-main/kernel/index.js';

export interface LittleCheck {
  node: string;
  /** Time-average number in the node. */
  l: number;
  /** Throughput (per ms) × mean time in the node (ms). */
  lambdaW: number;
  lq: number;
  lambdaWq: number;
}

/** Stations that completed requests and held some; nodes without time in them are left out. */
export function littleChecks(summary: RunSummary): LittleCheck[] {
  const checks: LittleCheck[] = [];
  for (const [node, n] of Object.entries(summary.nodes)) {
    if (n.completions === 0 || n.mean_in_system === 0) continue;
    const lambda = n.throughput_rps / 1000;
    checks.push({ node, l: n.mean_in_system, lambdaW: lambda * n.latency_ms.mean, lq: n.mean_queue_length, lambdaWq: lambda * n.wait_ms.mean });
  }
  return checks;
}
