import type { EventName, MethodName } from '../../../src-preload/contract/index.js';

/** Where the app host is, as people see it in the status bar. */
export type ConnectionStatus =
  | { state: 'connecting' }
  | { state: 'connected' }
  | { state: 'disconnected'; reason: string; retryInMs?: number };

/**
 * What carries calls and events: Electron's bridge or the browser-mode WebSocket.
 * Both deliver raw, unparsed values; the client parses them with the contract.
 */
export interface Transport {
  /** Resolves to the raw Reply envelope; rejects with ContractError('UNAVAILABLE') when unreachable. */
  call(method: MethodName, args: unknown): Promise<unknown>;
  /** Raw event payloads; returns an unsubscribe. */
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  close(): void;
}
