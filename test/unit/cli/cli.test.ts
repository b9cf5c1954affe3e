import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { cli } from './run.js';


describe('devsim command', () => {
  it('prints the package version for --version and version', async () => {
    expect(await cli('--version')).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
    expect((await cli('version')).out).toBe(`${pkg.version}\n`);
  });

  it('lists its commands for --help and exits 0', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: devsim <command> [options]');
    expect(out).toMatch(/^\s+version\s+Print the version$/m);
  });

  it('shows help and a usage exit code when given nothing', async () => {
    const { code, out } = await cli();
    expect(code).toBe(2);
    expect(out).toContain('Commands:');
  });

  it('names an unknown command and suggests one', async () => {
    const { code, err } = await cli('versoin');
    expect(code).toBe(2);
    expect(err).toContain('there is no command "versoin". Did you mean version?');
  });

  it('gives per-command help', async () => {
    expect((await cli('help', 'version')).out).toContain('Usage: devsim version');
    expect((await cli('version', '--help')).out).toContain('Usage: devsim version');
  });

  it('is the package bin and runs as a process', () => {
    expect(pkg.bin.devsim).toBe('bin/devsim.mjs');
    const root = resolve(import.meta.dirname, '../../..');
    const run = spawnSync(process.execPath, [resolve(root, pkg.bin.devsim), '--version'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).not.toMatch(/build failed/);
    expect(run.stdout).toBe(`${pkg.version}\n`);
    expect(run.status).toBe(0);
  });
});
