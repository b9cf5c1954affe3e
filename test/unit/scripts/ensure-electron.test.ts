import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScript } from './fixtures/run-script.js';

const SCRIPT = 'ensure-electron.mjs';
const VERSION = '41.7.1';

let tmp: string;
let electronDir: string;
let nativeDir: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'devsim-ensure-electron-'));
  electronDir = join(tmp, 'electron');
  nativeDir = join(tmp, '.electron-native');
  mkdirSync(electronDir);
  writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: VERSION }));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** A fake electron/install.js: records that it ran, then either "downloads" the binary or fails like offline. */
function fakeInstaller(succeeds: boolean): void {
  const body = succeeds
    ? `const fs = require('fs'), path = require('path');
       fs.writeFileSync(path.join(__dirname, 'ran'), 'yes');
       fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
       fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\n');
       fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`
    : `require('fs').writeFileSync(require('path').join(__dirname, 'ran'), 'yes');
       console.error('RequestError: getaddrinfo ENOTFOUND github.com');
       process.exit(1);`;
  writeFileSync(join(electronDir, 'install.js'), body);
}

/** An Electron build of better-sqlite3 already in place, so electron-native has nothing to fetch. */
function nativeBuildPresent(): void {
  const dir = join(nativeDir, 'better-sqlite3', VERSION);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'better_sqlite3.node'), 'stand-in');
  const installed = JSON.parse(readFileSync(join(import.meta.dirname, '../../../node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string };
  writeFileSync(join(dir, 'build-info.json'), JSON.stringify({ electron: VERSION, betterSqlite3: installed.version }));
}

function env(): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.ELECTRON_OVERRIDE_DIST_PATH;
  delete base.DEVSIM_SKIP_ELECTRON_NATIVE;
  return { ...base, DEVSIM_ELECTRON_DIR: electronDir, DEVSIM_ELECTRON_NATIVE_DIR: nativeDir };
}

describe('scripts/ensure-electron.mjs (prestart)', () => {
  it('downloads the binary with electron’s own install.js when it is missing, then checks the native build', async () => {
    fakeInstaller(true);
    nativeBuildPresent();
    const result = await runScript(SCRIPT, [], env());
    expect(result.code).toBe(0);
    expect(existsSync(join(electronDir, 'ran'))).toBe(true);
    expect(result.stdout).toContain('downloading it');
    expect(result.stdout).toMatch(/electron-native: better-sqlite3 .* up to date/);
  });

  it('does nothing to a binary that is already there', async () => {
    fakeInstaller(true);
    mkdirSync(join(electronDir, 'dist'));
    writeFileSync(join(electronDir, 'dist/electron'), '#!/bin/sh\n');
    chmodSync(join(electronDir, 'dist/electron'), 0o755);
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    nativeBuildPresent();
    const result = await runScript(SCRIPT, [], env());
    expect(result.code).toBe(0);
    expect(existsSync(join(electronDir, 'ran'))).toBe(false);
    expect(result.stdout).not.toContain('downloading');
  });

  it('a path.txt whose binary is gone counts as missing', async () => {
    fakeInstaller(true);
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    nativeBuildPresent();
    const result = await runScript(SCRIPT, [], env());
    expect(result.code).toBe(0);
    expect(existsSync(join(electronDir, 'ran'))).toBe(true);
  });

  it('when the download fails: a clear message pointing to browser mode, and a non-zero exit so npm start stops', async () => {
    fakeInstaller(false);
    const result = await runScript(SCRIPT, [], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/no Electron binary could be downloaded/);
    expect(result.stdout).toContain('npm run web');
    // It stopped before building better-sqlite3 for an Electron it cannot run.
    expect(result.stdout).not.toContain('electron-native:');
    expect(existsSync(nativeDir)).toBe(false);
  });

  it('without the electron package at all: says to run npm install', async () => {
    rmSync(electronDir, { recursive: true });
    const result = await runScript(SCRIPT, [], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/electron package is missing .* run npm install/);
  });
});
