#!/usr/bin/env node
// Makes better-sqlite3's native module for Electron's ABI, beside (never instead of) the
// Node build in node_modules that the tests and the CLI load:
//   .electron-native/better-sqlite3/<electron version>/better_sqlite3.node
// It works on a copy of the package in a temp folder: first Electron's prebuilt binary
// (prebuild-install), else a compile against Electron's headers (node-gyp). Offline it
// fails within seconds, says so in one line and exits 0, so `npm install` still succeeds.
//
//   node scripts/electron-native.mjs [--strict] [--force] [--print-path]
//     --strict      exit 1 when the build cannot be made (npm run electron-native)
//     --force       build again even if an up-to-date build is there
//     --print-path  print where the build goes for this Electron version, and stop
//
// Environment: DEVSIM_SKIP_ELECTRON_NATIVE=1 skips everything. For tests and unusual
// setups: DEVSIM_ELECTRON_DIR, DEVSIM_BETTER_SQLITE3_DIR, DEVSIM_ELECTRON_NATIVE_DIR (the
// output root), DEVSIM_ELECTRON_HEADERS_URL, DEVSIM_NATIVE_DOWNLOAD_TIMEOUT_S; prebuild-
// install's own npm_config_better_sqlite3_binary_host and node-gyp's npm_config_devdir apply.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const args = new Set(process.argv.slice(2));
const strict = args.has('--strict');
const DOWNLOAD_TIMEOUT_MS = Number(env.DEVSIM_NATIVE_DOWNLOAD_TIMEOUT_S ?? 120) * 1000;
const COMPILE_TIMEOUT_MS = 20 * 60 * 1000;
const HEADERS_URL = env.DEVSIM_ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers';
const say = (line) => console.log(`electron-native: ${line}`);

class Failure extends Error {}

function main() {
  if (env.DEVSIM_SKIP_ELECTRON_NATIVE === '1') return say('skipped (DEVSIM_SKIP_ELECTRON_NATIVE=1).');
  const electronDir = env.DEVSIM_ELECTRON_DIR ?? join(ROOT, 'node_modules', 'electron');
  const electronVersion = readVersion(electronDir);
  if (!electronVersion) return giveUp(`the electron package is not installed (${electronDir}), so there is nothing to build for`);
  const outDir = join(env.DEVSIM_ELECTRON_NATIVE_DIR ?? join(ROOT, '.electron-native'), 'better-sqlite3', electronVersion);
  const target = join(outDir, 'better_sqlite3.node');
  if (args.has('--print-path')) return console.log(target);

  const packageDir = env.DEVSIM_BETTER_SQLITE3_DIR ?? join(ROOT, 'node_modules', 'better-sqlite3');
  const sqliteVersion = readVersion(packageDir);
  if (!sqliteVersion) return giveUp(`better-sqlite3 is not installed (${packageDir})`);
  const infoFile = join(outDir, 'build-info.json');
  if (!args.has('--force') && existsSync(target) && readInfo(infoFile)?.betterSqlite3 === sqliteVersion) {
    return say(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is up to date (${shown(target)}).`);
  }

  mkdirSync(outDir, { recursive: true });
  const logFile = join(outDir, 'build.log');
  const log = [];
  const work = mkdtempSync(join(tmpdir(), 'devsim-electron-native-'));
  const started = Date.now();
  try {
    copyPackage(packageDir, work);
    const method = fetchPrebuilt(packageDir, work, electronVersion, log) ? 'prebuilt' : compile(work, electronVersion, log);
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    checkAbi(built, electronAbi(packageDir, electronVersion));
    cpSync(built, `${target}.partial`);
    renameSync(`${target}.partial`, target);
    const info = { electron: electronVersion, betterSqlite3: sqliteVersion, method, builtAt: new Date().toISOString() };
    writeFileSync(infoFile, `${JSON.stringify(info, null, 2)}\n`);
    writeFileSync(logFile, log.join('\n'));
    say(`made better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${method}, ${seconds(started)}) at ${shown(target)}.`);
  } catch (err) {
    if (!(err instanceof Failure)) throw err;
    log.push(`FAILED: ${err.message}`);
    writeFileSync(logFile, log.join('\n'));
    giveUp(`${err.message}, after ${seconds(started)}; details in ${shown(logFile)}`, electronVersion);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The one line a person needs; exit 0 unless --strict, so `npm install` carries on. */
function giveUp(reason, electronVersion = '') {
  say(
    `could not make the Electron ${electronVersion ? `${electronVersion} ` : ''}build of better-sqlite3: ${reason}. ` +
      'The desktop app needs it; tests, the CLI and browser mode (npm run web) do not. ' +
      'When online, run: npm run electron-native',
  );
  if (strict) process.exitCode = 1;
}

function copyPackage(from, to) {
  // Never its build/ folder: the Node build there stays exactly as npm made it.
  const skip = new Set(['build', 'node_modules', 'prebuilds'].map((name) => join(from, name)));
  cpSync(from, to, { recursive: true, filter: (src) => !skip.has(src) });
}

function fetchPrebuilt(packageDir, work, electronVersion, log) {
  // better-sqlite3 depends on prebuild-install: resolve it from the package's real place.
  const bin = resolveFrom(packageDir, 'prebuild-install/bin.js');
  if (!bin) {
    log.push('prebuild-install not found; compiling instead');
    return false;
  }
  const flags = ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform, '--verbose'];
  const ok = run('prebuild-install', [bin, ...flags], work, process.env, DOWNLOAD_TIMEOUT_MS, log);
  return ok && existsSync(join(work, 'build', 'Release', 'better_sqlite3.node'));
}

function compile(work, electronVersion, log) {
  const gyp = findNodeGyp();
  if (!gyp) throw new Failure('no prebuilt binary could be downloaded and node-gyp was not found to compile one');
  // npm's nodedir (here /usr) would silently compile against Node's headers instead of Electron's.
  const childEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
  const flags = [`--target=${electronVersion}`, `--arch=${process.arch}`, `--dist-url=${HEADERS_URL}`, '--runtime=electron'];
  if (!run('node-gyp install', [gyp, 'install', ...flags], work, childEnv, DOWNLOAD_TIMEOUT_MS, log)) {
    throw new Failure(`no prebuilt binary could be downloaded, nor Electron's headers from ${HEADERS_URL} (offline?)`);
  }
  say(`compiling better-sqlite3 against Electron ${electronVersion}'s headers (a minute or two)...`);
  if (!run('node-gyp rebuild', [gyp, 'rebuild', '--release', ...flags], work, childEnv, COMPILE_TIMEOUT_MS, log)) {
    throw new Failure(`compiling against Electron's headers failed`);
  }
  return 'compiled';
}

/**
 * Loads the result in this Node, where an Electron build must be refused for its module
 * version. One that loads was built for Node's ABI: the known silent failure when npm's
 * nodedir leaks into the build.
 */
function checkAbi(file, expectedAbi) {
  const script = 'try { process.dlopen({ exports: {} }, process.argv[1]); console.log("LOADED"); } catch (e) { console.log(e.message); }';
  const probe = spawnSync(process.execPath, ['-e', script, file], { encoding: 'utf8', timeout: 30_000 });
  const said = (probe.stdout ?? '').trim();
  if (said === 'LOADED') throw new Failure(`the result loads in Node ${process.version}, so it was built for Node's ABI, not Electron's`);
  const version = /NODE_MODULE_VERSION (\d+)/.exec(said)?.[1];
  if (version && expectedAbi && version !== expectedAbi) {
    throw new Failure(`the result was built for module version ${version}, Electron needs ${expectedAbi}`);
  }
  if (/invalid ELF header|file too short|wrong ELF class|not a valid Win32|not a mach-o/i.test(said)) {
    throw new Failure(`the result is not a native module for this platform (${said.split('\n')[0]})`);
  }
}

/** Electron's module version as node-abi (a prebuild-install dependency) knows it, if it does. */
function electronAbi(packageDir, electronVersion) {
  const bin = resolveFrom(packageDir, 'prebuild-install/bin.js');
  const nodeAbi = bin && resolveFrom(dirname(bin), 'node-abi');
  if (!nodeAbi) return undefined;
  try {
    return String(createRequire(import.meta.url)(nodeAbi).getAbi(electronVersion, 'electron'));
  } catch {
    return undefined;
  }
}

function run(name, argv, cwd, childEnv, timeout, log) {
  const result = spawnSync(process.execPath, argv, { cwd, env: childEnv, timeout, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  log.push(`$ node ${argv.join(' ')}`, result.stdout ?? '', result.stderr ?? '');
  if (result.error) log.push(`${name}: ${result.error.message}`);
  return result.status === 0;
}

function findNodeGyp() {
  const candidates = [
    env.npm_config_node_gyp, // set by npm for scripts it runs
    resolveFrom(ROOT, 'node-gyp/bin/node-gyp.js'),
    npmBundled('node-gyp/bin/node-gyp.js'),
  ];
  return candidates.find((file) => file && existsSync(file));
}

/** npm ships node-gyp in its own node_modules, beside npm-cli.js. */
function npmBundled(path) {
  const npmCli = env.npm_execpath ?? join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  return join(dirname(npmCli), '..', 'node_modules', path);
}

function resolveFrom(dir, request) {
  try {
    return createRequire(join(dir, 'package.json')).resolve(request);
  } catch {
    return undefined;
  }
}

function readVersion(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function readInfo(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const shown = (file) => (file.startsWith(ROOT + sep) ? relative(ROOT, file) : file);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

main();
