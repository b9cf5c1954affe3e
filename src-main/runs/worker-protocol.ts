// Messages between the run service in main and a run's worker thread.
import type { Deployment, Fault, ModelArtefact, RunSpeed, Topology } from '../../src-preload/contract/index.js';
import type { RunEvent, RunOptions, RunState, RunSummary, SeriesFrame, SeriesLayout } from '../kernel/index.js';
import type { DriverProgress } from './run-driver.js';

/** How a worker misbehaves on purpose; only tests set it (the contract cannot). */
export interface WorkerMischief {
  afterEvents: number;
  /** throw: an uncaught exception in the worker; exit: the thread ends without a word. */
  how: 'throw' | 'exit';
}

/** workerData of a run's worker. */
export interface WorkerStart {
  document: Topology;
  options: RunOptions;
  speed: RunSpeed;
  /** Models the scaling policies name (artefacts: functions do not cross into a thread); the worker makes kernel models of them. */
  models?: Record<string, ModelArtefact>;
  mischief?: WorkerMischief;
}

export type ToWorker =
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step'; events: number }
  | { type: 'speed'; speed: RunSpeed }
  | { type: 'inject'; requestId: number; fault: Fault }
  | { type: 'deploy'; requestId: number; deployment: Deployment };

export type FromWorker =
  | { type: 'started'; layout: SeriesLayout }
  | { type: 'batch'; frames: SeriesFrame[]; events: RunEvent[]; progress: DriverProgress }
  | { type: 'done'; state: RunState; stopReason: string | null; summary: RunSummary; progress: DriverProgress; wallMs: number }
  | { type: 'reply'; requestId: number; error?: { code: 'BAD_REQUEST'; message: string } };
