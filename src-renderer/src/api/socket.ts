/** What the WebSocket transport needs from a socket; small so tests can fake it under Node. */
export interface SocketHandlers {
  open(): void;
  message(data: string): void;
  close(code: number, reason: string): void;
}

export interface SocketLike {
  send(data: string): void;
  close(): void;
}

export type OpenSocket = (url: string, handlers: SocketHandlers) => SocketLike;

/** The browser's WebSocket behind SocketLike. */
export const openBrowserSocket: OpenSocket = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.onopen = () => handlers.open();
  ws.onmessage = (ev: MessageEvent) => {
    if (typeof ev.data === 'string') handlers.message(ev.data);
  };
  ws.onclose = (ev: CloseEvent) => handlers.close(ev.code, ev.reason);
  return {
    send: (data) => ws.send(data),
    close: () => ws.close(1000, 'closed by the app'),
  };
};
