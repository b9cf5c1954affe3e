import { homedir } from 'node:os';
import { join } from 'node:path';

/** Folder name under the OS's application-data location; Electron's userData uses the same. */
export const APP_FOLDER = 'DevOps Simulator';

/**
 * Where browser mode keeps its data when neither --data-dir nor DEVSIM_DATA_DIR says:
 * the same place Electron's app.getPath('userData') would, so both modes share one store.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}
