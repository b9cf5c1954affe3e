import type { EventName, EventPayload } from '../../src-preload/contract/index.js';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** Events main pushes to every connected renderer, whatever the transport. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
