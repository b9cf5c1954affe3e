#!/usr/bin/env node
// A private Docker engine for the tests: dockerd on a unix socket in its own temp folder,
// with its own bridge, and the test image devsim-test/busybox:latest made from Debian's
// busybox-static with `docker import` (no registry needed). Stops only what it started.
//
//   node scripts/test-engine.mjs start [--dir DIR]   prints DOCKER_HOST=unix://DIR/docker.sock
//   node scripts/test-engine.mjs env   [--dir DIR]   prints export DOCKER_HOST=… for a shell
//   node scripts/test-engine.mjs stop  [--dir DIR]
//
// As a module: startTestEngine({ dir? }) → engine { dockerHost, dir, pid, ... };
// stopTestEngine(dir); whyNoEngine() → a reason the engine cannot start here, or null.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync, copyFileSync, chmodSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEST_IMAGE = 'devsim-test/busybox:latest';
const STATE_FILE = 'engine.json';
const DEFAULT_DIR = join(tmpdir(), 'devsim-test-engine');

/** Why no private engine can start on this machine, or null when it can. */
export function whyNoEngine() {
  if (process.platform !== 'linux') return `a private dockerd needs Linux (this is ${process.platform})`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'a private dockerd needs root (run the tests as root, as CI does)';
  for (const [tool, pkg] of [['dockerd', 'docker.io'], ['docker', 'docker.io'], ['busybox', 'busybox-static']]) {
    if (!which(tool)) return `${tool} is not installed (apt-get install ${pkg}, or run scripts/install-system-deps.sh)`;
  }
  return null;
}

/** Starts a private engine in `dir` (default: a fresh temp folder) and builds the test image. */
export async function startTestEngine(options = {}) {
  const reason = whyNoEngine();
  if (reason) throw new Error(reason);
  await reapAbandoned();
  const dir = options.dir ? resolve(options.dir) : mkdtempSync(join(tmpdir(), 'devsim-engine-'));
  mkdirSync(dir, { recursive: true });
  if (existsSync(join(dir, STATE_FILE))) throw new Error(`an engine is already running in ${dir} (stop it first)`);
  const socket = join(dir, 'docker.sock');
  const bridge = createBridge(dir);
  let started = null;
  const failures = [];
  for (const driver of ['overlay2', 'vfs']) {
    try {
      started = await launch(dir, socket, driver, bridge);
      break;
    } catch (err) {
      failures.push(`${driver}: ${err.message}`);
      cleanMounts(dir);
    }
  }
  if (!started) {
    if (bridge.created) deleteBridge(bridge.name);
    throw new Error(`dockerd did not start: ${failures.join('; ')} (log: ${join(dir, 'dockerd.log')})`);
  }
  // owner: the process whose exit abandons the engine (null: kept on purpose, as by the CLI).
  const owner = options.owner === undefined ? process.pid : options.owner;
  const engine = { dir, socket, dockerHost: `unix://${socket}`, pid: started.pid, owner, driver: started.driver, bridge: bridge.name, createdBridge: bridge.created, image: TEST_IMAGE };
  writeFileSync(join(dir, STATE_FILE), JSON.stringify(engine, null, 2));
  try {
    buildTestImage(dir, engine.dockerHost);
  } catch (err) {
    await stopTestEngine(dir);
    throw new Error(`could not build ${TEST_IMAGE}: ${err.message}`);
  }
  return engine;
}

/** Stops the engine recorded in `dir`: its dockerd, then any of its processes left, its mounts, its bridge, the folder. */
export async function stopTestEngine(dir = DEFAULT_DIR) {
  const stateFile = join(dir, STATE_FILE);
  if (!existsSync(stateFile)) return false;
  const engine = JSON.parse(readFileSync(stateFile, 'utf8'));
  await terminate(engine.pid, 20_000);
  // containerd, its shims and the containers' init: whatever still names our folder.
  for (const pid of processesUsing(dir)) signal(pid, 'SIGKILL');
  cleanMounts(dir);
  if (engine.createdBridge) deleteBridge(engine.bridge);
  rmSync(dir, { recursive: true, force: true });
  return true;
}

/** Stops engines this script started for a test run that died without stopping them. */
async function reapAbandoned() {
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith('devsim-engine')) continue;
    const dir = join(tmpdir(), entry);
    const candidates = [dir, join(dir, 'engine')];
    for (const candidate of candidates) {
      try {
        const engine = JSON.parse(readFileSync(join(candidate, STATE_FILE), 'utf8'));
        if (typeof engine.owner === 'number' && !alive(engine.owner)) await stopTestEngine(candidate);
      } catch {
        // no engine there, or another run is writing it
      }
    }
  }
}

async function launch(dir, socket, driver, bridge) {
  const log = openSync(join(dir, 'dockerd.log'), 'a');
  const args = [
    '-H', `unix://${socket}`,
    '--data-root', join(dir, 'data'),
    '--exec-root', join(dir, 'exec'),
    '--pidfile', join(dir, 'dockerd.pid'),
    `--storage-driver=${driver}`,
    '--iptables=false', '--ip6tables=false',
    '--exec-opt', 'native.cgroupdriver=cgroupfs',
    `--bridge=${bridge.name}`,
    '--containerd-namespace', `devsim-${process.pid}`,
  ];
  // Its own process group, so stopping it never reaches anything else.
  const child = spawn('dockerd', args, { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  let exited = null;
  child.on('exit', (code, sig) => {
    exited = `exited (${code ?? sig})`;
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${exited}: ${lastLines(join(dir, 'dockerd.log'))}`);
    if (await ping(socket)) return { pid: child.pid, driver };
    await sleep(150);
  }
  await terminate(child.pid, 5000);
  throw new Error(`no answer on ${socket} within 30 s: ${lastLines(join(dir, 'dockerd.log'))}`);
}

/** A bridge of our own (docker0 may belong to another engine); none when it cannot be made. */
function createBridge(dir) {
  const name = `dsim${process.pid.toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`.slice(0, 15);
  try {
    const third = 100 + Math.floor(Math.random() * 150);
    const second = 16 + Math.floor(Math.random() * 15);
    execFileSync('ip', ['link', 'add', 'name', name, 'type', 'bridge'], { stdio: 'pipe' });
    execFileSync('ip', ['addr', 'add', `172.${second}.${third}.1/24`, 'dev', name], { stdio: 'pipe' });
    execFileSync('ip', ['link', 'set', name, 'up'], { stdio: 'pipe' });
    return { name, created: true };
  } catch (err) {
    writeFileSync(join(dir, 'bridge-error.txt'), String(err.stderr ?? err.message));
    try {
      execFileSync('ip', ['link', 'del', name], { stdio: 'ignore' });
    } catch {
      // it was never made
    }
    return { name: 'none', created: false };
  }
}

function deleteBridge(name) {
  try {
    execFileSync('ip', ['link', 'del', name], { stdio: 'ignore' });
  } catch {
    // already gone
  }
}

/** A rootfs with busybox and its applet links, imported as the test image. */
function buildTestImage(dir, dockerHost) {
  const root = join(dir, 'image-root');
  mkdirSync(join(root, 'bin'), { recursive: true });
  for (const sub of ['tmp', 'etc', 'www', 'proc', 'sys', 'dev']) mkdirSync(join(root, sub), { recursive: true });
  const busybox = which('busybox');
  copyFileSync(busybox, join(root, 'bin', 'busybox'));
  chmodSync(join(root, 'bin', 'busybox'), 0o755);
  const applets = execFileSync(busybox, ['--list'], { encoding: 'utf8' }).split('\n').filter((a) => a && a !== 'busybox');
  for (const applet of applets) symlinkSync('busybox', join(root, 'bin', applet));
  writeFileSync(join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n');
  writeFileSync(join(root, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
  writeFileSync(join(root, 'www', 'index.html'), 'devsim test image\n');
  const tarFile = join(dir, 'image.tar');
  execFileSync('tar', ['-C', root, '-cf', tarFile, '.']);
  execFileSync('docker', ['-H', dockerHost, 'import', '--change', 'ENV PATH=/bin', '--change', 'CMD ["sh"]', tarFile, TEST_IMAGE], { stdio: 'pipe' });
  rmSync(root, { recursive: true, force: true });
  rmSync(tarFile, { force: true });
}

function ping(socket) {
  return new Promise((done) => {
    const req = request({ socketPath: socket, path: '/_ping', timeout: 1000 }, (res) => {
      res.resume();
      done(res.statusCode === 200);
    });
    req.on('error', () => done(false));
    req.on('timeout', () => {
      req.destroy();
      done(false);
    });
    req.end();
  });
}

async function terminate(pid, waitMs) {
  if (!pid || !alive(pid)) return;
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + waitMs;
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  if (alive(pid)) signal(pid, 'SIGKILL');
  while (alive(pid) && Date.now() < deadline + 3000) await sleep(50);
}

/** PIDs whose command line or working folder names `dir` (the engine's containerd, shims). */
function processesUsing(dir) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const cwd = safeReadlink(`/proc/${entry}/cwd`);
      if (cmdline.includes(dir) || cwd.startsWith(dir)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function cleanMounts(dir) {
  const mounts = readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1])
    .filter((point) => point && point.replace(/\\040/g, ' ').startsWith(dir))
    .sort((a, b) => b.length - a.length);
  for (const point of mounts) {
    try {
      execFileSync('umount', ['-l', point], { stdio: 'ignore' });
    } catch {
      // not mounted any more
    }
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

function safeReadlink(path) {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

function which(tool) {
  for (const folder of (process.env.PATH ?? '/usr/bin:/bin').split(':').concat(['/usr/sbin', '/sbin', '/usr/bin', '/bin'])) {
    if (folder && existsSync(join(folder, tool))) return join(folder, tool);
  }
  return null;
}

function lastLines(file) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' | ');
  } catch {
    return 'no log';
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main(argv) {
  const [command, ...rest] = argv;
  const dirAt = rest.indexOf('--dir');
  const dir = resolve(dirAt >= 0 && rest[dirAt + 1] ? rest[dirAt + 1] : DEFAULT_DIR);
  if (command === 'start') {
    const engine = await startTestEngine({ dir, owner: null });
    console.log(`DOCKER_HOST=${engine.dockerHost}`);
    console.error(`test engine: pid ${engine.pid}, ${engine.driver}, bridge ${engine.bridge}, image ${engine.image}, folder ${engine.dir}`);
  } else if (command === 'env') {
    const stateFile = join(dir, STATE_FILE);
    if (!existsSync(stateFile)) throw new Error(`no engine running in ${dir}: run start first`);
    console.log(`export DOCKER_HOST=${JSON.parse(readFileSync(stateFile, 'utf8')).dockerHost}`);
  } else if (command === 'stop') {
    console.error((await stopTestEngine(dir)) ? `stopped the engine in ${dir}` : `no engine running in ${dir}`);
  } else {
    throw new Error('usage: test-engine.mjs start|env|stop [--dir DIR]');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`test-engine: ${err.message}`);
    process.exit(1);
  });
}
