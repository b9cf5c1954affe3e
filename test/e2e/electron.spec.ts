import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** The Electron binary, if its package downloaded one (path.txt is written after the download). */
function electronBinary(): string | null {
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'));
    if (!existsSync(join(pkgDir, 'path.txt'))) return null;
    const bin = require('electron') as unknown;
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('desktop app (Electron)', () => {
  test.skip(binary === null, 'no Electron binary on this machine');

  test('electron: the window opens, connects over IPC and shows the welcome screen', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [join(ROOT, 'out', 'main', 'index.js')], cwd: ROOT });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('app-ready')).toBeVisible();
      await expect(window.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
      await window.getByTestId('nav-settings').click();
      await expect(window.getByTestId('about-mode')).toContainText('Desktop app');
      // The renderer has no Node: the bridge is the only way out.
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    } finally {
      await app.close();
    }
  });
});
