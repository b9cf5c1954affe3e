import type { DevsimApi } from '../../../src-preload/contract/index.js';
import { createBridgeTransport, type RawBridge } from './bridge-transport.js';
import { createClient } from './client.js';
import { createOfflineTransport } from './offline-transport.js';
import { openBrowserSocket } from './socket.js';
import { socketUrl, takeToken } from './token.js';
import type { ConnectionStatus, Transport } from './transport.js';
import { createWsTransport } from './ws-transport.js';

export const MISSING_TOKEN = 'missing token: open the URL the host printed';

export interface Connection {
  api: DevsimApi;
  /** 'desktop': Electron's bridge; 'browser': the loopback WebSocket. */
  transport: 'desktop' | 'browser';
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  close(): void;
}

/** Finds whichever transport this page runs under and returns the typed client over it. */
export function connect(): Connection {
  const bridge = (window as unknown as { devsim?: RawBridge }).devsim;
  if (bridge) return wrap(createBridgeTransport(bridge), 'desktop');
  return wrap(browserTransport(), 'browser');
}

function browserTransport(): Transport {
  const token = takeToken({
    hash: location.hash,
    storage: sessionStorage,
    clearHash: () => history.replaceState(history.state, '', location.pathname + location.search),
  });
  if (!token) return createOfflineTransport(MISSING_TOKEN);
  return createWsTransport({ url: socketUrl(location.host, token), open: openBrowserSocket });
}

function wrap(transport: Transport, kind: Connection['transport']): Connection {
  return {
    api: createClient(transport),
    transport: kind,
    status: () => transport.status(),
    onStatus: (l) => transport.onStatus(l),
    close: () => transport.close(),
  };
}
