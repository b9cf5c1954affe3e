// Long operations and live streams by the id the renderer gave them, so they can be cancelled.
import { ContractError } from '../../src-preload/contract/index.js';

export class Cancellables {
  private readonly running = new Map<string, AbortController>();

  /** A fresh signal for `id`; CONFLICT if that id is still running. */
  begin(id: string, what: string): AbortSignal {
    if (this.running.has(id)) throw new ContractError('CONFLICT', `${what}: id ${id} is already in use`, what);
    const controller = new AbortController();
    this.running.set(id, controller);
    return controller.signal;
  }

  end(id: string): void {
    this.running.delete(id);
  }

  /** Whether something with that id was running and is now told to stop. */
  cancel(id: string): boolean {
    const controller = this.running.get(id);
    if (!controller) return false;
    this.running.delete(id);
    controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const id of [...this.running.keys()]) this.cancel(id);
  }
}
