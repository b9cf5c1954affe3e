import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../app/data-dir.js';

export interface WebArgs {
  port: number;
  dataDir: string;
  rendererDir: string;
}

export type ParsedWebArgs = { kind: 'run'; args: WebArgs } | { kind: 'help' } | { kind: 'error'; message: string };

export const WEB_USAGE = `Usage: npm run web -- [options]   (or: node out/main/web.js [options])

Serves DevOps Simulator on http://127.0.0.1:PORT for a browser on this machine and
prints the address to open (it carries this start's access token).

Options:
  --port N            port to listen on; 0 picks a free one (env DEVSIM_PORT; default 0)
  --data-dir DIR      where the database lives (env DEVSIM_DATA_DIR; default: the OS's
                      application-data folder, shared with the desktop app)
  --renderer-dir DIR  the built renderer (default: out/renderer next to this build)
  --help              show this text
`;

/** Reads the command line and environment; flags win over the environment. */
export function parseWebArgs(argv: readonly string[], env: NodeJS.ProcessEnv, builtRendererDir: string): ParsedWebArgs {
  let values: { port?: string | undefined; 'data-dir'?: string | undefined; 'renderer-dir'?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'renderer-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return { kind: 'error', message: (err as Error).message };
  }
  if (values.help) return { kind: 'help' };
  const portText = values.port ?? (env.DEVSIM_PORT || undefined) ?? '0';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    return { kind: 'error', message: `--port must be a whole number from 0 to 65535, not ${JSON.stringify(portText)}` };
  }
  const dataDir = values['data-dir'] ?? (env.DEVSIM_DATA_DIR || undefined) ?? defaultDataDir(env);
  return {
    kind: 'run',
    args: { port: Number(portText), dataDir: resolve(dataDir), rendererDir: resolve(values['renderer-dir'] ?? builtRendererDir) },
  };
}
