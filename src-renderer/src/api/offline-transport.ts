import { ContractError } from '../../../src-preload/contract/index.js';
import type { ConnectionStatus, Transport } from './transport.js';

/** A transport that never connects, for when there is nothing to connect to (no token). */
export function createOfflineTransport(reason: string): Transport {
  const status: ConnectionStatus = { state: 'disconnected', reason };
  return {
    call: (method) => Promise.reject(new ContractError('UNAVAILABLE', `The app host is not connected: ${reason}.`, method)),
    subscribe: () => () => {},
    status: () => status,
    onStatus: () => () => {},
    close: () => {},
  };
}
