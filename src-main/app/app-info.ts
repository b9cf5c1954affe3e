import type { AppInfo } from '../../src-preload/contract/index.js';
import type { Db } from '../store/database.js';
import pkg from '../../package.json' with { type: 'json' };

export const PRODUCT_NAME = 'DevOps Simulator';
export const APP_VERSION: string = pkg.version;

/** What appInfo answers, for either mode. */
export function describeApp(mode: AppInfo['mode'], dataDir: string, db: Db): AppInfo {
  const versions: AppInfo['versions'] = {
    node: process.versions.node,
    sqlite: String(db.prepare('SELECT sqlite_version() AS v').pluck().get()),
  };
  if (process.versions.electron) versions.electron = process.versions.electron;
  if (process.versions.chrome) versions.chrome = process.versions.chrome;
  return { name: PRODUCT_NAME, version: APP_VERSION, mode, platform: process.platform, arch: process.arch, versions, dataDir };
}
