import type { WorkerPort } from '../../../src-renderer/src/ml/client.js';
import type { WorkerReply, WorkerRequest } from '../../../src-renderer/src/ml/protocol.js';

/** A worker stand-in: keeps what the page posted; the test answers as the worker would (or sends garbage). */
export class FakeWorker implements WorkerPort {
  readonly posted: WorkerRequest[] = [];
  terminated = false;
  private readonly listeners: { message: ((e: MessageEvent<unknown>) => void)[]; error: ((e: ErrorEvent) => void)[] } = { message: [], error: [] };

  postMessage(message: WorkerRequest): void {
    this.posted.push(message);
  }
  addEventListener(type: 'message' | 'error', listener: ((e: MessageEvent<unknown>) => void) | ((e: ErrorEvent) => void)): void {
    (this.listeners[type] as unknown[]).push(listener);
  }
  terminate(): void {
    this.terminated = true;
  }

  reply(message: WorkerReply | Record<string, unknown>): void {
    for (const l of this.listeners.message) l({ data: message } as MessageEvent<unknown>);
  }
  crash(message: string): void {
    for (const l of this.listeners.error) l({ message } as ErrorEvent);
  }
  last(): WorkerRequest {
    return this.posted.at(-1)!;
  }
}

/** Lets pending promise callbacks run. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A small artefact as the worker sends it (no weights: the contract makes them optional). */
export const ARTEFACT = {
  format: 'devsim-model',
  formatVersion: 1,
  name: 'api/latency_p95_ms forecaster',
  purpose: 'forecaster',
  architecture: 'lstm-forecaster',
  window: 3,
  horizon: 1,
  normalisation: { method: 'zscore', offset: 100, scale: 2 },
  parameters: { units: 16 },
  dataset: {
    source: 'run',
    origin: 'run-1',
    series: ['api/latency_p95_ms'],
    window: 3,
    horizon: 1,
    stepMs: 5000,
    train: { fromMs: 0, toMs: 10, count: 3 },
    validation: { fromMs: 10, toMs: 20, count: 1 },
    test: { fromMs: 20, toMs: 30, count: 1 },
    anomalousPoints: 1,
  },
  evaluation: { testMae: 0.5 },
} as const;

/** What a finished training reports, as the worker sends it. */
export const RESULT = {
  windows: { train: 3, validation: 1, test: 1 },
  epochsRun: 2,
  bestEpoch: 2,
  stoppedEarly: false,
  evaluation: { testMae: 0.5 },
  elapsedMs: 20,
  test: { timesMs: [25_000], actual: [105], predicted: [104.5], labels: [0 as const], flagged: null },
};
