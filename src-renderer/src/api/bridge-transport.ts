import { ContractError, eventKey, type EventName, type MethodName } from '../../../src-preload/contract/index.js';
import type { ConnectionStatus, Transport } from './transport.js';

/** `window.devsim` as the preload exposes it: raw replies and raw event payloads. */
export type RawBridge = Record<string, unknown>;

/** Electron: the preload's functions; the connection is there as long as the window is. */
export function createBridgeTransport(bridge: RawBridge): Transport {
  const connected: ConnectionStatus = { state: 'connected' };
  return {
    async call(method: MethodName, args: unknown) {
      const fn = bridge[method];
      if (typeof fn !== 'function') throw new ContractError('UNKNOWN_METHOD', `This version of the app has no ${method}.`, method);
      try {
        return await (fn as (a: unknown) => Promise<unknown>)(args);
      } catch (err) {
        throw new ContractError('UNAVAILABLE', `The app could not reach its main process: ${(err as Error).message}`, method);
      }
    },
    subscribe(name: EventName, listener: (payload: unknown) => void) {
      const on = bridge[eventKey(name)];
      if (typeof on !== 'function') return () => {};
      return (on as (l: (p: unknown) => void) => () => void)(listener);
    },
    status: () => connected,
    onStatus: () => () => {},
    close: () => {},
  };
}
