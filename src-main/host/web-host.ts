import { readFileSync, realpathSync } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_PAYLOAD_BYTES } from '../../src-preload/contract/index.js';
import type { EventBus } from '../app/event-bus.js';
import type { Logger } from '../app/logger.js';
import type { Dispatch } from './dispatch.js';
import { send, serveConnection } from './web-connection.js';
import { headerCsp, metaCsp } from './web-csp.js';
import { checkUpgrade, hostAllowed, newToken, type Refusal } from './web-guard.js';
import { createStaticHandler, securityHeaders } from './web-static.js';

/** Only the loopback address: browser mode is for this machine's own browser. */
export const LOOPBACK = '127.0.0.1';

export interface WebHostOptions {
  dispatch: Dispatch;
  bus: EventBus;
  /** The built renderer folder (out/renderer) with its index.html. */
  rendererDir: string;
  /** 0 picks any free port. */
  port: number;
  log: Logger;
  /** Tests pass a known one; otherwise a fresh random token per start. */
  token?: string;
}

export interface WebHost {
  /** The page to open, token in the fragment (never sent to a server or a Referer). */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Serves the renderer on 127.0.0.1 and the contract over a guarded WebSocket at /ws. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { dispatch, bus, log } = options;
  const root = realpathSync(options.rendererDir);
  const pagePolicy = metaCsp(readFileSync(join(root, 'index.html'), 'utf8'));
  const token = options.token ?? newToken();
  let port = 0;
  let csp = headerCsp(pagePolicy, 0);

  const serveStatic = createStaticHandler({ root, csp: () => csp, log });
  const server = createServer((req, res) => {
    if (!hostAllowed(req, port)) {
      res.writeHead(403, { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Forbidden: this host answers only to 127.0.0.1 and localhost');
      return;
    }
    serveStatic(req, res).catch((err: unknown) => {
      log.error(`static: ${req.method ?? '?'} ${(req.url ?? '').slice(0, 80)} failed`, err);
      res.destroy();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  let connections = 0;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      const refusal = checkUpgrade(req, port, token);
      if (refusal) {
        log.warn(`refused a WebSocket from ${req.socket.remoteAddress ?? '?'}: ${refusal.reason}`);
        refuse(socket, refusal);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const name = `client ${++connections}`;
        log.info(`${name}: connected`);
        serveConnection(ws, dispatch, log, name);
      });
    } catch (err) {
      // A throw here would be an uncaught exception and stop the host for everyone.
      log.error('WebSocket upgrade failed', err);
      socket.destroy();
    }
  });

  await listen(server, options.port);
  port = (server.address() as AddressInfo).port;
  csp = headerCsp(pagePolicy, port);
  log.info(`browser mode listening on http://${LOOPBACK}:${port}/`);
  // Once listening, a server error is logged; it must not become an uncaught exception.
  server.on('error', (err) => log.error('browser-mode server error', err));
  const unsubscribe = bus.subscribe((name, payload) => {
    const frame = JSON.stringify({ type: 'event', name, payload });
    for (const client of wss.clients) send(client, frame);
  });


  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      unsubscribe();
      for (const client of wss.clients) client.close(1001, 'host shutting down');
      wss.close();
      server.close(() => resolve());
      server.closeAllConnections();
      // Clients that do not answer the close handshake are cut off.
      setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, 500).unref();
    }));

  return { url: `http://${LOOPBACK}:${port}/#token=${token}`, port, token, close };
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Answers a refused upgrade with a plain HTTP status and hangs up. */
function refuse(socket: Duplex, { status }: Refusal): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
