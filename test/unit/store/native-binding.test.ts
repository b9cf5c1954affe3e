import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronNativeBinding, electronNativeBindingPath } from '../../../src-main/store/native-binding.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'devsim-native-'));
  mkdirSync(join(root, 'node_modules/better-sqlite3'), { recursive: true });
  writeFileSync(join(root, 'node_modules/better-sqlite3/package.json'), JSON.stringify({ version: '12.11.1' }));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function placeBuild(betterSqlite3: string): string {
  const file = electronNativeBindingPath(root, '41.7.1');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, 'binary');
  writeFileSync(join(dirname(file), 'build-info.json'), JSON.stringify({ electron: '41.7.1', betterSqlite3 }));
  return file;
}

describe('electronNativeBinding', () => {
  it('a packaged app loads the Electron build it carries in its resources', () => {
    const resources = join(root, 'resources');
    mkdirSync(join(resources, 'native'), { recursive: true });
    writeFileSync(join(resources, 'native', 'better_sqlite3.node'), 'x');
    expect(electronNativeBinding({ isPackaged: true, appRoot: root, electronVersion: '41.7.1', resourcesPath: resources })).toEqual({
      path: join(resources, 'native', 'better_sqlite3.node'),
    });
    const broken = electronNativeBinding({ isPackaged: true, appRoot: root, electronVersion: '41.7.1', resourcesPath: join(root, 'elsewhere') });
    expect(broken.problem).toMatch(/installation is incomplete/);
  });

  it('in development: the .electron-native build for this Electron version', () => {
    const file = placeBuild('12.11.1');
    expect(file).toBe(join(root, '.electron-native/better-sqlite3/41.7.1/better_sqlite3.node'));
    expect(electronNativeBinding({ isPackaged: false, appRoot: root, electronVersion: '41.7.1' })).toEqual({ path: file });
  });

  it('in development without the build: a problem that says to run npm run electron-native', () => {
    const answer = electronNativeBinding({ isPackaged: false, appRoot: root, electronVersion: '41.7.1' });
    expect(answer.path).toBeUndefined();
    expect(answer.problem).toMatch(/not been built for Electron 41\.7\.1 .*npm run electron-native/);
  });

  it('a build for another Electron version does not count', () => {
    placeBuild('12.11.1');
    expect(electronNativeBinding({ isPackaged: false, appRoot: root, electronVersion: '42.0.0' }).problem).toMatch(/Electron 42\.0\.0/);
  });

  it('a build of an older better-sqlite3 than the installed one is a problem, not a crash later', () => {
    placeBuild('12.10.0');
    const answer = electronNativeBinding({ isPackaged: false, appRoot: root, electronVersion: '41.7.1' });
    expect(answer.path).toBeUndefined();
    expect(answer.problem).toMatch(/is for version 12\.10\.0, but 12\.11\.1 is installed.*npm run electron-native/);
  });

  it('does not import electron (it runs under plain Node)', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../src-main/store/native-binding.ts'), 'utf8');
    expect(source).not.toMatch(/from ['"]electron['"]/);
  });
});
