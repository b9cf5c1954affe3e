// A real browser-mode host for tests: real SQLite in a temp folder, a fake built renderer,
// real sockets on 127.0.0.1, and a small WebSocket client that matches replies to calls.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { Reply, ServerFrame } from '../../../src-preload/contract/index.js';
import { startApp, type RunningApp } from '../../../src-main/app/bootstrap.js';
import { createMemoryLogger } from '../../../src-main/app/logger.js';
import { startWebHost, type WebHost } from '../../../src-main/host/web-host.js';

export const REAL_INDEX = readFileSync(join(import.meta.dirname, '../../../src-renderer/index.html'), 'utf8');

export interface Fixture {
  host: WebHost;
  app: RunningApp;
  log: ReturnType<typeof createMemoryLogger>;
  rendererDir: string;
  origin: string;
  wsUrl(token?: string | null): string;
  close(): Promise<void>;
}

/** Builds a temp folder holding data/, renderer/ (fake build) and secret.txt beside them. */
export async function startFixture(): Promise<Fixture> {
  const base = mkdtempSync(join(tmpdir(), 'devsim-web-'));
  const rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), REAL_INDEX);
  writeFileSync(join(rendererDir, 'assets', 'app-abc123.js'), 'console.log("app");\n');
  writeFileSync(join(rendererDir, 'assets', 'style.css'), 'body{}\n');
  writeFileSync(join(rendererDir, 'assets', 'model.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(join(base, 'secret.txt'), 'not for the browser');
  symlinkSync(join(base, 'secret.txt'), join(rendererDir, 'assets', 'link-out.txt'));

  const log = createMemoryLogger();
  const app = startApp({ mode: 'browser', dataDir: join(base, 'data'), log });
  const host = await startWebHost({ dispatch: app.dispatch, bus: app.ctx.bus, rendererDir, port: 0, log });
  const origin = `http://127.0.0.1:${host.port}`;
  return {
    host,
    app,
    log,
    rendererDir,
    origin,
    wsUrl: (token = host.token) => `ws://127.0.0.1:${host.port}/ws${token === null ? '' : `?token=${encodeURIComponent(token)}`}`,
    close: async () => {
      await host.close();
      app.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** An HTTP request with the path sent exactly as given (fetch would normalise "..").  */
export function rawGet(port: number, path: string, options: { method?: string; host?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${port}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

type Frame = ServerFrame | { type: 'error'; error: { code: string; message: string } };

/** A WebSocket client for the contract's frames; every frame it receives is kept in order. */
export class TestClient {
  readonly frames: Frame[] = [];
  private nextId = 1;
  private readonly waiters: Array<() => void> = [];
  closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.frames.push(JSON.parse(data.toString('utf8')) as Frame);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static open(url: string, origin: string | undefined): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, origin === undefined ? {} : { origin });
      const client = new TestClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  /** Waits until a frame matching the test exists (searching from the start). */
  async waitFor<F extends Frame>(match: (f: Frame) => f is F, timeoutMs = 5000): Promise<F> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('timed out waiting for a frame');
      await new Promise<void>((wake) => {
        this.waiters.push(wake);
        setTimeout(wake, 50);
      });
    }
  }

  /** Waits until at least n frames that are not events have arrived. */
  async answers(n: number, timeoutMs = 10_000): Promise<Frame[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answers = this.frames.filter((f) => f.type !== 'event');
      if (answers.length >= n) return answers;
      if (Date.now() > deadline) throw new Error(`timed out: ${answers.length} of ${n} answers`);
      await new Promise<void>((wake) => {
        this.waiters.push(wake);
        setTimeout(wake, 50);
      });
    }
  }

  async call(method: string, args?: unknown): Promise<Reply> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify(args === undefined ? { type: 'call', id, method } : { type: 'call', id, method, args }));
    const frame = await this.waitFor((f): f is Extract<Frame, { type: 'reply' }> => f.type === 'reply' && f.id === id);
    return frame.reply;
  }

  close(): void {
    this.ws.close();
  }
}

/** Resolves with the HTTP status of a refused upgrade, or 101 if it was accepted. */
export function upgradeStatus(url: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.once('error', reject);
  });
}

/** Sends bytes as they are on a fresh TCP connection; resolves with the status line's code (0: none). */
export function rawExchange(port: number, request: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    const done = (): void => {
      socket.destroy();
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0));
    };
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n')) done();
    });
    socket.on('error', done);
    socket.on('end', done);
    socket.setTimeout(3000, done);
    socket.write(request, 'latin1');
  });
}
