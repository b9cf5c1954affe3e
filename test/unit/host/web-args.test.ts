import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src-main/app/data-dir.js';
import { parseWebArgs } from '../../../src-main/host/web-args.js';

const built = '/opt/app/out/renderer';

describe('parseWebArgs', () => {
  it('defaults to any free port, the OS data folder and the renderer built beside it', () => {
    expect(parseWebArgs([], {}, built)).toEqual({ kind: 'run', args: { port: 0, dataDir: resolve(defaultDataDir({})), rendererDir: built } });
  });

  it('reads --port, --data-dir and --renderer-dir, which win over the environment', () => {
    const env = { DEVSIM_PORT: '9000', DEVSIM_DATA_DIR: '/env/data' };
    expect(parseWebArgs(['--port', '8080', '--data-dir', 'rel/data', '--renderer-dir=/r'], env, built)).toEqual({
      kind: 'run',
      args: { port: 8080, dataDir: join(process.cwd(), 'rel/data'), rendererDir: '/r' },
    });
    expect(parseWebArgs([], env, built)).toMatchObject({ kind: 'run', args: { port: 9000, dataDir: '/env/data' } });
    expect(parseWebArgs([], { DEVSIM_PORT: '', DEVSIM_DATA_DIR: '' }, built)).toMatchObject({ args: { port: 0, dataDir: resolve(defaultDataDir({})) } });
  });

  it.each([['--port', '-1'], ['--port', '65536'], ['--port', '80.5'], ['--port', 'http'], ['--nope'], ['extra'], ['--port']])(
    'refuses %s %s with a message',
    (...argv) => {
      const parsed = parseWebArgs(argv, {}, built);
      expect(parsed.kind).toBe('error');
      expect(parsed.kind === 'error' && parsed.message.length).toBeGreaterThan(0);
    },
  );

  it('recognises --help and -h', () => {
    expect(parseWebArgs(['--help'], {}, built)).toEqual({ kind: 'help' });
    expect(parseWebArgs(['-h', '--port', 'x'], {}, built)).toEqual({ kind: 'help' });
  });
});
