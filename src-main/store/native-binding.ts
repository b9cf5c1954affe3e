import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NativeBindingQuery {
  /** Electron's app.isPackaged. */
  isPackaged: boolean;
  /** The project folder in development (app.getAppPath()). */
  appRoot: string;
  /** process.versions.electron. */
  electronVersion: string;
  /** process.resourcesPath: where a packaged app keeps its extra resources. */
  resourcesPath?: string;
}

/** Either the binding to load (none: the package's default), or what the person must do. */
export interface NativeBindingAnswer {
  path?: string;
  problem?: string;
}

/** Where scripts/electron-native.mjs puts the build; the two must agree (a test checks). */
export function electronNativeBindingPath(appRoot: string, electronVersion: string): string {
  return join(appRoot, '.electron-native', 'better-sqlite3', electronVersion, 'better_sqlite3.node');
}

/**
 * Which better_sqlite3.node the Electron main process must load. node_modules always
 * holds Node's build (tests, CLI, browser mode); the Electron build lives beside it in
 * .electron-native, made by `npm install` or `npm run electron-native`, and a packaged
 * app carries that same file in its resources (electron-builder.yml, extraResources).
 */
export function electronNativeBinding(query: NativeBindingQuery): NativeBindingAnswer {
  if (query.isPackaged) {
    const packaged = join(query.resourcesPath ?? '', 'native', 'better_sqlite3.node');
    if (query.resourcesPath !== undefined && existsSync(packaged)) return { path: packaged };
    return { problem: `This installation is incomplete: ${packaged} is missing. Reinstall DevOps Simulator.` };
  }
  const path = electronNativeBindingPath(query.appRoot, query.electronVersion);
  const todo = 'Run `npm run electron-native` while online, then start the app again.';
  if (!existsSync(path)) {
    return { problem: `better-sqlite3 has not been built for Electron ${query.electronVersion} (${path} is missing). ${todo}` };
  }
  const built = readVersion(join(path, '..', 'build-info.json'), 'betterSqlite3');
  const installed = readVersion(join(query.appRoot, 'node_modules', 'better-sqlite3', 'package.json'), 'version');
  if (built !== undefined && installed !== undefined && built !== installed) {
    return {
      problem: `The Electron build of better-sqlite3 (${path}) is for version ${built}, but ${installed} is installed. ${todo}`,
    };
  }
  return { path };
}

function readVersion(file: string, field: string): string | undefined {
  try {
    const value: unknown = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
