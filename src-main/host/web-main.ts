// Browser mode's entry, built to out/main/web.js: the app's handlers behind a loopback
// HTTP + WebSocket host. stdout carries exactly one line, the address to open; logs go to stderr.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PRODUCT_NAME } from '../app/app-info.js';
import { startApp, type RunningApp } from '../app/bootstrap.js';
import { createConsoleLogger } from '../app/logger.js';
import { testRunFailure } from '../runs/test-failure.js';
import { StoreError } from '../store/database.js';
import { parseWebArgs, WEB_USAGE } from './web-args.js';
import { startWebHost, type WebHost } from './web-host.js';

const EXIT = { ok: 0, failed: 1, usage: 2, storage: 2 } as const;
/** A host that has not closed by then is stopped anyway. */
const CLOSE_GRACE_MS = 5000;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

// Built as out/main/web.js; the renderer is built beside it as out/renderer.
const parsed = parseWebArgs(process.argv.slice(2), process.env, join(import.meta.dirname, '..', 'renderer'));
if (parsed.kind === 'help') {
  process.stdout.write(WEB_USAGE);
  process.exit(EXIT.ok);
}
if (parsed.kind === 'error') fail(`devsim web: ${parsed.message}\n\n${WEB_USAGE}`, EXIT.usage);
const { args } = parsed;

if (!existsSync(join(args.rendererDir, 'index.html'))) {
  fail(`devsim web: the renderer is not built (no index.html in ${args.rendererDir}). Run "npm run web", which builds it, or "npm run build".`, EXIT.failed);
}

const log = createConsoleLogger('web');
let app: RunningApp;
try {
  const runFailure = testRunFailure(process.env);
  if (runFailure) log.warn(`test hook: every run's worker will fail (${runFailure.how}) after ${runFailure.afterEvents} events`);
  app = startApp({ mode: 'browser', dataDir: args.dataDir, log, ...(runFailure ? { runFailure } : {}) });
} catch (err) {
  // A corrupt or newer database: say so and leave the file exactly as it is.
  if (err instanceof StoreError) fail(`devsim web: ${err.message}`, EXIT.storage);
  fail(`devsim web: could not start: ${err instanceof Error ? err.message : String(err)}`, EXIT.failed);
}

let host: WebHost;
try {
  host = await startWebHost({ dispatch: app.dispatch, bus: app.ctx.bus, rendererDir: args.rendererDir, port: args.port, log });
} catch (err) {
  app.close();
  const reason = (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `port ${args.port} is in use; choose another with --port, or 0 for any` : String(err);
  fail(`devsim web: could not listen on 127.0.0.1: ${reason}`, EXIT.failed);
}

process.stdout.write(`${PRODUCT_NAME} (browser mode) is ready: ${host.url}\n`);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  // npm forwards Ctrl+C too, so a second signal while closing is expected, not urgent.
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: closing`);
  setTimeout(() => {
    log.warn('closing took too long; stopping anyway');
    process.exit(EXIT.failed);
  }, CLOSE_GRACE_MS).unref();
  await host.close();
  app.close();
  process.exit(EXIT.ok);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, (s) => void stop(s));
