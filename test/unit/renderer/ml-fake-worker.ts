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
