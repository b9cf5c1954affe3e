// One run's worker thread as main sees it: messages in, control out, and exactly one ending
// (done, or failed with a message) however the thread goes: it finishes, throws, or exits.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ContractError, type Deployment, type Fault } from '../../src-preload/contract/index.js';
import type { FromWorker, ToWorker, WorkerStart } from './worker-protocol.js';

export interface ThreadListener {
  message(message: Exclude<FromWorker, { type: 'reply' }>): void;
  /** The thread ended without finishing the run: an uncaught exception or an exit. */
  failed(message: string): void;
}

/**
 * The built worker: out/main/run-worker.js, next to the entry that loads this module or one
 * folder up from a shared chunk. Tests and other hosts pass their own file.
 */
export function defaultWorkerFile(): string {
  const candidates = [new URL('./run-worker.js', import.meta.url), new URL('../run-worker.js', import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new ContractError('UNAVAILABLE', `The run worker is not built (looked for ${candidates.join(' and ')}); run npm run build.`);
  return found;
}

/** Heap of one run's worker at most, in MB. */
export const RUN_HEAP_MB = 2048;

export class RunThread {
  private readonly worker: Worker;
  private ended = false;
  private nextRequest = 1;
  private readonly pending = new Map<number, { resolve: () => void; reject: (err: Error) => void; where: string }>();

  constructor(file: string, start: WorkerStart, listener: ThreadListener, heapMb = RUN_HEAP_MB) {
    // A heap limit per run: a runaway run ends as failed ("reached memory limit") instead of taking main down.
    this.worker = new Worker(file, { workerData: start, name: 'devsim-run', resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    this.worker.on('message', (message: FromWorker) => {
      if (this.ended) return;
      if (message.type === 'reply') return this.answer(message);
      if (message.type === 'done') {
        this.end();
        void this.worker.terminate();
      }
      listener.message(message);
    });
    this.worker.on('error', (err) => {
      if (this.ended) return;
      this.end();
      listener.failed(err instanceof Error ? err.message : String(err));
    });
    this.worker.on('exit', (code) => {
      if (this.ended) return;
      this.end();
      listener.failed(`the run's worker thread stopped unexpectedly (exit code ${code})`);
    });
  }

  send(message: ToWorker): void {
    if (!this.ended) this.worker.postMessage(message);
  }

  inject(fault: Fault): Promise<void> {
    if (this.ended) return Promise.reject(new ContractError('BAD_REQUEST', 'The run has finished; faults go into running runs.'));
    return this.request('fault', (requestId) => ({ type: 'inject', requestId, fault }));
  }

  deploy(deployment: Deployment): Promise<void> {
    if (this.ended) return Promise.reject(new ContractError('BAD_REQUEST', 'The run has finished; deployments go into running runs.'));
    return this.request('deployment', (requestId) => ({ type: 'deploy', requestId, deployment }));
  }

  /** Asks the worker and waits for its reply; a refusal names `where` (the argument it concerns). */
  private request(where: string, message: (requestId: number) => ToWorker): Promise<void> {
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject, where });
      this.worker.postMessage(message(requestId));
    });
  }

  /** Ends the thread now; no further messages are delivered. */
  async terminate(): Promise<void> {
    this.end();
    await this.worker.terminate();
  }

  private answer(reply: Extract<FromWorker, { type: 'reply' }>): void {
    const waiting = this.pending.get(reply.requestId);
    this.pending.delete(reply.requestId);
    if (!waiting) return;
    if (reply.error) waiting.reject(new ContractError(reply.error.code, reply.error.message, waiting.where));
    else waiting.resolve();
  }

  private end(): void {
    this.ended = true;
    for (const waiting of this.pending.values()) waiting.reject(new ContractError('BAD_REQUEST', `The run ended before the ${waiting.where} could be applied.`));
    this.pending.clear();
  }
}
