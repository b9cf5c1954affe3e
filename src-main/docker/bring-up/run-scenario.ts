import type { ChaosEvent } from '../../../src-preload/contract/bring-up.js';
import { ContractError } from '../../../src-preload/contract/index.js';
import type { ScheduledChaos } from './chaos-scenario.js';
import { sleep } from './wait-ready.js';

export interface ScenarioRun {
  events: ChaosEvent[];
  /** Steps that failed, with the engine's reason (a container already gone, say). */
  failed: Array<{ step: string; reason: string }>;
  cancelled: boolean;
}

/**
 * Acts the steps out at their times, `speed` scenario seconds per wall second. Containers the
 * scenario paused are unpaused when it ends or is cancelled, so it leaves none frozen.
 */
export async function runScenario(
  steps: readonly ScheduledChaos[],
  speed: number,
  act: (step: ScheduledChaos) => Promise<ChaosEvent>,
  signal: AbortSignal,
  /** When the scenario ends: pauses without a duration last until then. */
  endMs = 0,
): Promise<ScenarioRun> {
  const start = Date.now();
  const paused = new Set<string>();
  const out: ScenarioRun = { events: [], failed: [], cancelled: false };
  try {
    for (const step of steps) {
      const wait = start + step.atMs / speed - Date.now();
      if (wait > 0) await sleep(wait, signal);
      if (signal.aborted) throw new ContractError('CANCELLED', 'scenario cancelled');
      try {
        out.events.push(await act(step));
        if (step.action === 'pause') paused.add(step.container);
        if (step.action === 'unpause') paused.delete(step.container);
      } catch (err) {
        out.failed.push({ step: `${step.from}: ${step.action} ${step.container}`, reason: (err as Error).message });
      }
    }
    const rest = start + endMs / speed - Date.now();
    if (paused.size > 0 && rest > 0) await sleep(rest, signal);
  } catch (err) {
    if ((err as ContractError).code !== 'CANCELLED') throw err;
    out.cancelled = true;
  }
  for (const container of paused) {
    const from = 'scenario end';
    try {
      out.events.push(await act({ atMs: Date.now() - start, action: 'unpause', node: '', container, from }));
    } catch (err) {
      out.failed.push({ step: `${from}: unpause ${container}`, reason: (err as Error).message });
    }
  }
  return out;
}
