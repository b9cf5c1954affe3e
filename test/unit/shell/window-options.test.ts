import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../../src-main/shell/window-options.js';

const src = (path: string): string => readFileSync(join(import.meta.dirname, '../../../src-main', path), 'utf8');

describe('the main window is secure by default', () => {
  const options = mainWindowOptions({
    bounds: { x: 1, y: 2, width: 1000, height: 700 },
    preload: '/app/out/preload/index.cjs',
    title: 'DevOps Simulator',
    backgroundColor: '#000000',
  });

  it('sets every security flag of the Electron checklist', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(secureWebPreferences('x')).toEqual({ ...options.webPreferences, preload: 'x' });
  });

  it('waits for the first paint and keeps the restored bounds', () => {
    expect(options).toMatchObject({ x: 1, y: 2, width: 1000, height: 700, show: false });
    expect(options).not.toHaveProperty('icon');
  });

  it('is what the Electron host actually uses, with the CommonJS preload electron-vite builds', () => {
    const window = src('host/electron-window.ts');
    expect(window).toMatch(/new BrowserWindow\(options\)/);
    expect(window).toMatch(/options: BrowserWindowConstructorOptions = mainWindowOptions\(/);
    expect(window).not.toMatch(/webPreferences/);
    expect(src('host/electron-app.ts')).toMatch(/join\(config\.outDir, 'preload', 'index\.cjs'\)/);
    // No other code in main builds a window or weakens a flag.
    for (const file of ['index.ts', 'host/electron-app.ts', 'host/electron-security.ts', 'host/electron-protocol.ts', 'host/electron-menu.ts']) {
      expect(src(file), file).not.toMatch(/new BrowserWindow|sandbox:\s*false|webSecurity:\s*false|contextIsolation:\s*false|nodeIntegration:\s*true/);
    }
  });
});
