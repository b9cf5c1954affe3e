// The page's side of the ML worker: typed calls that post protocol.ts requests and settle on
// the (validated) replies. A worker that dies (e.g. out of memory) fails every pending call
// with a message saying so; the lab then starts a fresh one.
import type { ModelArtefact } from '../../../src-preload/contract/index.js';
import { parseReply, requestId, type EpochFigures, type SeriesInput, type TrainedFigures, type TrainSpec, type WorkerReply, type WorkerRequest } from './protocol.js';

/** What the client needs of a Worker (a fake one in unit tests). */
export interface WorkerPort {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export interface BackendInUse {
  backend: 'wasm' | 'cpu';
  /** Why each faster backend was passed over; empty when the fastest started. */
  fallbacks: string[];
}

export type TrainEnd = { kind: 'trained'; result: TrainedFigures; artefact: ModelArtefact } | { kind: 'cancelled'; epochsDone: number };

interface Job {
  resolve(reply: WorkerReply): void;
  reject(error: Error): void;
  onProgress?: (figures: EpochFigures, epochs: number) => void;
  /** The last epoch reported, for a cancel that has to stop the worker. */
  epochsDone: number;
}

/**
 * How long a cancel may wait for the worker's answer. The worker reads messages only when
 * training yields to its event loop (tfjs does every 125 ms within an epoch; the ML layer's fit
 * loop does not between epochs), so past this the worker is stopped and a fresh one started.
 */
export const CANCEL_GRACE_MS = 2000;

export class MlWorkerClient {
  /** Settles once the worker has chosen its backend (or could start none). */
  readonly backend: Promise<BackendInUse>;
  private readonly jobs = new Map<string, Job>();
  private settleBackend: { resolve(b: BackendInUse): void; reject(e: Error): void } | null = null;
  private nextId = 1;
  /** Why the worker can no longer be used; null while it works. */
  private stopped: string | null = null;

  constructor(
    private readonly port: WorkerPort,
    private readonly graceMs = CANCEL_GRACE_MS,
  ) {
    this.backend = new Promise<BackendInUse>((resolve, reject) => (this.settleBackend = { resolve, reject }));
    this.backend.catch(() => {}); // read through `backend` by whoever shows it
    port.addEventListener('message', (event) => this.receive(event.data));
    port.addEventListener('error', (event) => this.stop(`The ML worker stopped: ${event.message || 'it could not be loaded or ran out of memory'}`));
  }

  get failure(): string | null {
    return this.stopped;
  }

  /** Trains on one series; `done` settles with the outcome, or rejects with the worker's message. */
  train(series: SeriesInput, spec: TrainSpec, onProgress: Job['onProgress']): { id: string; done: Promise<TrainEnd> } {
    const id = `train-${this.nextId++}`;
    const done = this.call({ type: 'train', id, series, spec }, onProgress).then((reply): TrainEnd => {
      if (reply.type === 'trained') return { kind: 'trained', result: reply.result, artefact: reply.artefact };
      if (reply.type === 'cancelled') return { kind: 'cancelled', epochsDone: reply.epochsDone };
      throw new Error(`The ML worker answered a training with ${reply.type}`);
    });
    return { id, done };
  }

  /** Asks the worker to stop a training; one that does not answer in time is stopped with its worker. */
  cancel(id: string): void {
    if (!this.jobs.has(id) || this.stopped !== null) return;
    this.port.postMessage({ type: 'cancel', id });
    setTimeout(() => {
      const job = this.jobs.get(id);
      if (!job || this.stopped !== null) return;
      this.jobs.delete(id);
      job.resolve({ type: 'cancelled', id, epochsDone: job.epochsDone });
      this.dispose('The ML worker was restarted to stop a training that did not answer its cancel');
    }, this.graceMs);
  }

  /** The last trained model's forecasts, one per window of raw values. */
  async predict(windows: number[][]): Promise<number[]> {
    const reply = await this.call({ type: 'predict', id: `predict-${this.nextId++}`, windows });
    if (reply.type !== 'predicted') throw new Error(`The ML worker answered a prediction with ${reply.type}`);
    return reply.values;
  }

  /** Anomaly scores in [0, 1] by the last trained detector: actual[k] is the point that followed windows[k]. */
  async score(windows: number[][], actual: number[]): Promise<number[]> {
    const reply = await this.call({ type: 'score', id: `score-${this.nextId++}`, windows, actual });
    if (reply.type !== 'scored') throw new Error(`The ML worker answered a scoring with ${reply.type}`);
    return reply.scores;
  }

  dispose(reason = 'The ML worker was closed'): void {
    this.stop(reason);
    this.port.terminate();
  }

  private call(request: Exclude<WorkerRequest, { type: 'cancel' }>, onProgress?: Job['onProgress']): Promise<WorkerReply> {
    if (this.stopped !== null) return Promise.reject(new Error(this.stopped));
    return new Promise<WorkerReply>((resolve, reject) => {
      this.jobs.set(request.id, { resolve, reject, epochsDone: 0, ...(onProgress ? { onProgress } : {}) });
      this.port.postMessage(request);
    });
  }

  private receive(data: unknown): void {
    const parsed = parseReply(data);
    if (!parsed.ok) {
      const id = requestId(data);
      const job = id === null ? undefined : this.jobs.get(id);
      if (job && id !== null) {
        this.jobs.delete(id);
        job.reject(new Error(parsed.message));
      } else console.warn(parsed.message);
      return;
    }
    const reply = parsed.value;
    if (reply.type === 'backend') {
      this.settleBackend?.resolve({ backend: reply.backend, fallbacks: reply.fallbacks });
      return;
    }
    if (reply.type === 'backend-failed') {
      this.settleBackend?.reject(new Error(reply.message));
      return;
    }
    const job = reply.id === null ? undefined : this.jobs.get(reply.id);
    if (!job || reply.id === null) {
      if (reply.type === 'failed') console.warn(reply.message);
      return;
    }
    if (reply.type === 'progress') {
      job.epochsDone = reply.figures.epoch;
      job.onProgress?.(reply.figures, reply.epochs);
      return;
    }
    this.jobs.delete(reply.id);
    if (reply.type === 'failed') job.reject(new Error(reply.message));
    else job.resolve(reply);
  }

  private stop(reason: string): void {
    if (this.stopped !== null) return;
    this.stopped = reason;
    this.settleBackend?.reject(new Error(reason));
    for (const job of this.jobs.values()) job.reject(new Error(reason));
    this.jobs.clear();
  }
}

/** The lab's worker, built by the bundler as a module worker served from the app's own origin. */
export function startMlWorker(): MlWorkerClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'devsim-ml' });
  return new MlWorkerClient(worker as WorkerPort);
}
