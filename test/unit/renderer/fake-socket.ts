// A scripted stand-in for the browser's WebSocket and timers, so the transport runs under Node.
import type { OpenSocket, SocketHandlers } from '../../../src-renderer/src/api/socket.js';
import type { Timers } from '../../../src-renderer/src/api/ws-transport.js';

export class FakeSocket {
  sent: unknown[] = [];
  closed = false;
  constructor(readonly url: string, readonly on: SocketHandlers) {}
  send(data: string): void {
    if (this.closed) throw new Error('socket is closed');
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.closed = true;
  }
  /** The server side: */
  open(): void {
    this.on.open();
  }
  reply(id: number, reply: unknown): void {
    this.on.message(JSON.stringify({ type: 'reply', id, reply }));
  }
  event(name: string, payload: unknown): void {
    this.on.message(JSON.stringify({ type: 'event', name, payload }));
  }
  drop(code = 1006, reason = ''): void {
    this.closed = true;
    this.on.close(code, reason);
  }
}

export function fakeSockets(): { open: OpenSocket; sockets: FakeSocket[]; last(): FakeSocket } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    open: (url, on) => {
      const s = new FakeSocket(url, on);
      sockets.push(s);
      return s;
    },
    last: () => sockets[sockets.length - 1]!,
  };
}

export class FakeTimers implements Timers {
  private queue: { fn: () => void; ms: number; handle: number }[] = [];
  private next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.next++;
    this.queue.push({ fn, ms, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.handle !== handle);
  }
  get delays(): number[] {
    return this.queue.map((t) => t.ms);
  }
  /** Runs every timer now due, as if its delay had passed. */
  runAll(): void {
    const due = this.queue;
    this.queue = [];
    for (const t of due) t.fn();
  }
}

/** Lets pending promise callbacks run. */
export const flush = (): Promise<void> => new Promise((r) => setImmediate(r));
