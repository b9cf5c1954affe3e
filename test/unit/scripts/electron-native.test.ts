import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { electronNativeBinding, electronNativeBindingPath } from '../../../src-main/store/native-binding.js';
import { closedPort, REPO_ROOT, runScript, serveFile } from './fixtures/run-script.js';

const SCRIPT = 'electron-native.mjs';
const PACKAGE_DIR = join(REPO_ROOT, 'node_modules/better-sqlite3');
const NODE_BUILD = join(PACKAGE_DIR, 'build/Release/better_sqlite3.node');
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const SQLITE_VERSION = (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
const hasCompiler = spawnSync('cc', ['--version']).status === 0;

/** Names, sizes, times and the .node's hash of better-sqlite3's build folder: the Node build must stay as it is. */
function buildFolderState(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      const stat = statSync(path);
      return [`${path} ${stat.size} ${stat.mtimeMs}`];
    });
  return [...walk(join(PACKAGE_DIR, 'build')), createHash('sha256').update(readFileSync(NODE_BUILD)).digest('hex')];
}

let tmp: string;
let offline: string;
let buildBefore: string[];
beforeAll(async () => {
  offline = `http://127.0.0.1:${await closedPort()}`;
});
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'devsim-electron-native-'));
  buildBefore = buildFolderState();
});
afterEach(() => {
  expect(buildFolderState()).toEqual(buildBefore);
  rmSync(tmp, { recursive: true, force: true });
});

/** The script with every download pointed at `host` and its output, caches and headers in the temp folder. */
function env(host: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.DEVSIM_SKIP_ELECTRON_NATIVE;
  return {
    ...base,
    DEVSIM_ELECTRON_NATIVE_DIR: join(tmp, '.electron-native'),
    DEVSIM_ELECTRON_HEADERS_URL: host,
    npm_config_better_sqlite3_binary_host: host,
    npm_config_devdir: join(tmp, 'node-gyp'),
    npm_config_cache: join(tmp, 'npm-cache'),
    ...extra,
  };
}

const target = (): string => join(tmp, '.electron-native/better-sqlite3', ELECTRON_VERSION, 'better_sqlite3.node');

/** A prebuild-install tarball holding `binary` as build/Release/better_sqlite3.node. */
function tarball(binary: string): Buffer {
  const pkg = join(tmp, 'tarball');
  mkdirSync(join(pkg, 'build/Release'), { recursive: true });
  cpSync(binary, join(pkg, 'build/Release/better_sqlite3.node'));
  execFileSync('tar', ['czf', join(tmp, 'prebuilt.tar.gz'), '-C', pkg, 'build']);
  return readFileSync(join(tmp, 'prebuilt.tar.gz'));
}

describe('scripts/electron-native.mjs', () => {
  it('offline: gives up within seconds, says what to do in one line, exits 0, leaves the Node build alone', async () => {
    // As npm runs it on this machine, with npm's nodedir=/usr in the environment.
    const result = await runScript(SCRIPT, [], env(offline, { npm_config_nodedir: '/usr' }));
    expect(result.code).toBe(0);
    expect(result.ms).toBeLessThan(15_000);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`could not make the Electron ${ELECTRON_VERSION.replaceAll('.', '\\.')} build of better-sqlite3`));
    expect(lines[0]).toContain('When online, run: npm run electron-native');
    expect(existsSync(target())).toBe(false);
    // The details are kept for whoever wants them, not printed.
    const log = readFileSync(join(tmp, '.electron-native/better-sqlite3', ELECTRON_VERSION, 'build.log'), 'utf8');
    expect(log).toContain('prebuild-install');
    expect(log).toContain('node-gyp');
    // node-gyp was asked for Electron's headers, not pointed at npm's nodedir (Node's headers).
    expect(log).toContain(`--dist-url=${offline}`);
    expect(log).toContain(`GET ${offline}/v${ELECTRON_VERSION}/`);
  });

  it('offline with --strict (npm run electron-native): the same line, exit 1', async () => {
    const result = await runScript(SCRIPT, ['--strict'], env(offline));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('could not make the Electron');
  });

  it('DEVSIM_SKIP_ELECTRON_NATIVE=1 skips everything', async () => {
    const result = await runScript(SCRIPT, [], env(offline, { DEVSIM_SKIP_ELECTRON_NATIVE: '1' }));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('skipped');
    expect(existsSync(join(tmp, '.electron-native'))).toBe(false);
  });

  it('without the electron package: says so and exits 0', async () => {
    const result = await runScript(SCRIPT, [], env(offline, { DEVSIM_ELECTRON_DIR: join(tmp, 'no-electron') }));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/electron package is not installed/);
  });

  it('--print-path prints the place native-binding.ts looks in', async () => {
    const result = await runScript(SCRIPT, ['--print-path'], env(offline));
    expect(result.stdout.trim()).toBe(target());
    expect(target()).toBe(electronNativeBindingPath(tmp, ELECTRON_VERSION));
  });

  it("refuses a \"prebuilt\" binary that is really Node's build (the silent nodedir failure)", async () => {
    const host = await serveFile(tarball(NODE_BUILD));
    try {
      const result = await runScript(SCRIPT, [], env(host.url));
      expect(host.requests).toHaveLength(1);
      expect(host.requests[0]).toContain(`electron-v`);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/built for Node's ABI, not Electron's/);
      expect(existsSync(target())).toBe(false);
    } finally {
      host.server.close();
    }
  });

  it.skipIf(!hasCompiler)(
    'installs a prebuilt binary with Electron’s module version, then finds it up to date (skipped without a C compiler)',
    async () => {
      const fake = join(tmp, 'fake.node');
      execFileSync('cc', ['-shared', '-fPIC', '-o', fake, join(import.meta.dirname, 'fixtures/fake-electron-module.c')]);
      const host = await serveFile(tarball(fake));
      try {
        const made = await runScript(SCRIPT, [], env(host.url));
        expect(made.code).toBe(0);
        expect(made.stdout).toMatch(/made better-sqlite3 .* \(prebuilt, /);
        expect(host.requests).toEqual([expect.stringMatching(/-electron-v145-/)]);
        expect(readFileSync(target())).toEqual(readFileSync(fake));
        const info = JSON.parse(readFileSync(join(target(), '../build-info.json'), 'utf8')) as Record<string, string>;
        expect(info).toMatchObject({ electron: ELECTRON_VERSION, betterSqlite3: SQLITE_VERSION, method: 'prebuilt' });

        const again = await runScript(SCRIPT, [], env(host.url));
        expect(again.stdout).toMatch(/up to date/);
        expect(host.requests).toHaveLength(1);

        // The app in development finds exactly this file.
        expect(electronNativeBinding({ isPackaged: false, appRoot: tmp, electronVersion: ELECTRON_VERSION })).toEqual({ path: target() });
      } finally {
        host.server.close();
      }
    },
  );

  it.skipIf(!hasCompiler)('refuses a binary built for another module version (skipped without a C compiler)', async () => {
    const fake = join(tmp, 'old.node');
    execFileSync('cc', ['-shared', '-fPIC', '-DMODULE_VERSION=119', '-o', fake, join(import.meta.dirname, 'fixtures/fake-electron-module.c')]);
    const host = await serveFile(tarball(fake));
    try {
      const result = await runScript(SCRIPT, [], env(host.url));
      expect(result.stdout).toMatch(/built for module version 119, Electron needs 145/);
      expect(existsSync(target())).toBe(false);
    } finally {
      host.server.close();
    }
  });
});

