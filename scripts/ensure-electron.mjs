#!/usr/bin/env node
// Runs before `npm start`: makes sure the Electron binary is there (npm install skips
// electron's download script, see allowScripts in package.json, so an offline install
// succeeds), then that better-sqlite3 has its Electron build (scripts/electron-native.mjs).
//   DEVSIM_ELECTRON_DIR: the electron package folder (default node_modules/electron).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = process.env.DEVSIM_ELECTRON_DIR ?? join(ROOT, 'node_modules', 'electron');
const say = (line) => console.log(`ensure-electron: ${line}`);

/** What electron's own index.js checks: path.txt names the binary under dist/. */
function hasBinary() {
  try {
    const relative = readFileSync(join(electronDir, 'path.txt'), 'utf8');
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist');
    return relative.length > 0 && existsSync(join(dist, relative));
  } catch {
    return false;
  }
}

function main() {
  if (!existsSync(join(electronDir, 'package.json'))) {
    say(`the electron package is missing (${electronDir}); run npm install first.`);
    return 1;
  }
  if (!hasBinary()) {
    say('the Electron binary is not there yet: downloading it (electron/install.js)...');
    const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'inherit' });
    if (install.status !== 0 || !hasBinary()) {
      say(
        'no Electron binary could be downloaded, so the desktop app cannot start. Check the connection ' +
          '(or ELECTRON_MIRROR / proxy settings) and run npm start again. Browser mode works without it: npm run web',
      );
      return 1;
    }
  }
  // Quick when the build is already there; never fails the start (the app explains what is missing).
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'electron-native.mjs')], { stdio: 'inherit' });
  return 0;
}

process.exitCode = main();
