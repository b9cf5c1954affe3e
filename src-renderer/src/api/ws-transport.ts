import {
  ContractError,
  serverFrameSchema,
  type ClientFrame,
  type EventName,
  type MethodName,
} from '../../../src-preload/contract/index.js';
import { reconnectDelay } from './backoff.js';
import type { OpenSocket, SocketLike } from './socket.js';
import type { ConnectionStatus, Transport } from './transport.js';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WsTransportOptions {
  url: string;
  open: OpenSocket;
  backoff?: (attempt: number) => number;
  timers?: Timers;
  onViolation?: (message: string) => void;
}

interface Pending {
  method: MethodName;
  frame: string;
  resolve(reply: unknown): void;
  reject(err: Error): void;
}

const browserTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The contract over a WebSocket (browser mode): call/reply frames matched by id, pushed
 * events, and reconnection with backoff. Calls made while connecting wait for the socket;
 * calls in flight when it closes, or made while it is down, fail with UNAVAILABLE.
 */
export function createWsTransport(options: WsTransportOptions): Transport {
  const backoff = options.backoff ?? reconnectDelay;
  const timers = options.timers ?? browserTimers;
  const violation = options.onViolation ?? ((m: string) => console.warn(m));
  const pending = new Map<number, Pending>();
  const outbox: number[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(s: ConnectionStatus) => void>();
  let status: ConnectionStatus = { state: 'connecting' };
  let socket: SocketLike | null = null;
  let everConnected = false;
  let attempt = 0;
  let retryTimer: unknown = null;
  let closedByUs = false;
  let nextId = 1;

  const setStatus = (next: ConnectionStatus): void => {
    status = next;
    for (const l of statusListeners) l(next);
  };

  const failAll = (message: string): void => {
    outbox.length = 0;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new ContractError('UNAVAILABLE', message, p.method));
    }
  };

  const send = (id: number): void => {
    const p = pending.get(id);
    if (!p || !socket) return;
    try {
      socket.send(p.frame);
    } catch (err) {
      pending.delete(id);
      p.reject(new ContractError('UNAVAILABLE', `Could not send ${p.method}: ${(err as Error).message}`, p.method));
    }
  };

  const onMessage = (data: string): void => {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      violation('The app host sent a frame that is not JSON.');
      return;
    }
    const frame = serverFrameSchema.safeParse(json);
    if (!frame.success) {
      const id = (json as { id?: unknown } | null)?.id;
      const p = typeof id === 'number' ? pending.get(id) : undefined;
      if (p) {
        pending.delete(id as number);
        p.reject(new ContractError('INTERNAL', `The app host answered ${p.method} with a malformed frame.`, p.method));
      } else violation('The app host sent a frame outside the contract.');
      return;
    }
    if (frame.data.type === 'reply') {
      const p = pending.get(frame.data.id);
      if (!p) return; // an answer to a call we already gave up on
      pending.delete(frame.data.id);
      p.resolve(frame.data.reply);
    } else if (frame.data.type === 'error') {
      // The host could not read one of our frames well enough to answer it by id.
      violation(`The app host refused a message: ${frame.data.error.message}`);
    } else {
      const set = listeners.get(frame.data.name as EventName);
      if (set) for (const l of set) l(frame.data.payload);
    }
  };

  const onClose = (code: number, reason: string): void => {
    socket = null;
    const lost = everConnected
      ? 'lost the connection to the app host'
      : 'cannot reach the app host (if it was restarted, open the new URL it printed)';
    const why = reason ? `${lost}: ${reason}` : `${lost} (code ${code})`;
    failAll(`The app host is not connected: ${why}.`);
    if (closedByUs) return;
    attempt += 1;
    const delay = backoff(attempt);
    setStatus({ state: 'disconnected', reason: why, retryInMs: delay });
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      start();
    }, delay);
  };

  const start = (): void => {
    setStatus({ state: 'connecting' });
    try {
      socket = options.open(options.url, {
        open: () => {
          everConnected = true;
          attempt = 0;
          setStatus({ state: 'connected' });
          for (const id of outbox.splice(0)) send(id);
        },
        message: onMessage,
        close: onClose,
      });
    } catch (err) {
      onClose(0, (err as Error).message);
    }
  };

  start();

  return {
    call(method, args) {
      return new Promise((resolve, reject) => {
        if (status.state === 'disconnected') {
          reject(new ContractError('UNAVAILABLE', `The app host is not connected: ${status.reason}.`, method));
          return;
        }
        const id = nextId++;
        const frame: ClientFrame = args === undefined ? { type: 'call', id, method } : { type: 'call', id, method, args };
        pending.set(id, { method, frame: JSON.stringify(frame), resolve, reject });
        if (status.state === 'connected') send(id);
        else outbox.push(id);
      });
    },
    subscribe(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      closedByUs = true;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      retryTimer = null;
      const s = socket;
      socket = null;
      s?.close();
      failAll('The app closed its connection to the host.');
      setStatus({ state: 'disconnected', reason: 'closed by the app' });
    },
  };
}
