import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, listAccelerators, type MenuInput, type MenuItemSpec } from '../../../src-main/shell/menu-template.js';

const input = (overrides: Partial<MenuInput> = {}): MenuInput => ({
  platform: 'linux',
  isDev: false,
  appName: 'DevOps Simulator',
  recent: [],
  docsUrl: 'https://example.com/docs',
  rendererCommands: false,
  ...overrides,
});

const labels = (items: readonly MenuItemSpec[]): string[] => items.map((i) => (i.type === 'submenu' || i.type === 'command' ? i.label : i.type === 'role' ? (i.label ?? i.role) : '-'));
const menu = (items: readonly MenuItemSpec[], label: string): MenuItemSpec[] => {
  const found = items.find((i) => i.type === 'submenu' && i.label === label);
  if (!found || found.type !== 'submenu') throw new Error(`no ${label} menu`);
  return found.items;
};
const flatten = (items: readonly MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => (i.type === 'submenu' ? [i, ...flatten(i.items)] : [i]));
const roles = (items: readonly MenuItemSpec[]): string[] => flatten(items).flatMap((i) => (i.type === 'role' ? [i.role] : []));
const accelerator = (items: readonly MenuItemSpec[], what: string): string | undefined => {
  const item = flatten(items).find((i) => (i.type === 'role' && i.role === what) || (i.type === 'command' && i.id === what));
  return item && item.type !== 'separator' && item.type !== 'submenu' ? item.accelerator : undefined;
};

/** "Shift+CmdOrCtrl+S" and "CmdOrCtrl+Shift+S" are the same keys; so are Cmd and CmdOrCtrl on macOS. */
function normalise(acc: string, platform: string): string {
  const parts = acc.split('+').map((p) => p.toLowerCase());
  const key = parts.pop()!;
  const mods = parts.map((m) => {
    if (m === 'cmdorctrl' || m === 'commandorcontrol') return platform === 'darwin' ? 'cmd' : 'ctrl';
    if (m === 'command') return 'cmd';
    if (m === 'control') return 'ctrl';
    if (m === 'option') return 'alt';
    return m;
  });
  return [...new Set(mods)].sort().concat(key).join('+');
}

describe('the native menu template', () => {
  for (const platform of ['linux', 'win32', 'darwin']) {
    for (const isDev of [false, true]) {
      it(`${platform}${isDev ? ' (dev)' : ''}: has File, Edit, View, Window, Help and no accelerator twice`, () => {
        const template = buildMenuTemplate(input({ platform, isDev, recent: [{ path: '/a.devsim.yaml', name: 'a' }] }));
        const top = labels(template);
        expect(top.slice(platform === 'darwin' ? 1 : 0)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
        const keys = listAccelerators(template).map((a) => normalise(a, platform));
        expect(keys.length).toBeGreaterThan(15);
        expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
        for (const item of template) {
          if (item.type !== 'submenu') continue;
          const names = labels(item.items).filter((l) => l !== '-');
          expect(names.filter((n, i) => names.indexOf(n) !== i), item.label).toEqual([]);
        }
      });
    }
  }

  it('gives the usual accelerators', () => {
    const t = buildMenuTemplate(input());
    expect(accelerator(t, 'newDocument')).toBe('CmdOrCtrl+N');
    expect(accelerator(t, 'openDocument')).toBe('CmdOrCtrl+O');
    expect(accelerator(t, 'saveDocument')).toBe('CmdOrCtrl+S');
    expect(accelerator(t, 'saveDocumentAs')).toBe('CmdOrCtrl+Shift+S');
    expect(accelerator(t, 'close')).toBe('CmdOrCtrl+W');
    expect(accelerator(t, 'quit')).toBe('CmdOrCtrl+Q');
    expect(accelerator(t, 'undo')).toBe('CmdOrCtrl+Z');
    expect(accelerator(t, 'copy')).toBe('CmdOrCtrl+C');
    expect(accelerator(t, 'zoomIn')).toBe('CmdOrCtrl+Plus');
    expect(accelerator(t, 'togglefullscreen')).toBe('F11');
    expect(accelerator(buildMenuTemplate(input({ platform: 'darwin' })), 'quit')).toBe('Cmd+Q');
  });

  it('File has New, Open…, Open Recent, Save, Save As…, Close Window and Quit (macOS: Quit in the app menu)', () => {
    expect(labels(menu(buildMenuTemplate(input()), 'File')).filter((l) => l !== '-')).toEqual([
      'New', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Close Window', 'Quit',
    ]);
    const mac = buildMenuTemplate(input({ platform: 'darwin' }));
    expect(labels(menu(mac, 'File'))).not.toContain('Quit DevOps Simulator');
    expect(roles(menu(mac, 'DevOps Simulator'))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(labels(menu(buildMenuTemplate(input({ platform: 'win32' })), 'File'))).toContain('Exit');
  });

  it('offers reload and developer tools only in development', () => {
    expect(roles(buildMenuTemplate(input()))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate(input()))).not.toContain('reload');
    expect(roles(buildMenuTemplate(input({ isDev: true })))).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    expect(roles(menu(buildMenuTemplate(input()), 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('keeps renderer commands disabled until the renderer can receive them', () => {
    const recent = [{ path: '/labs/shop.devsim.yaml', name: 'shop' }];
    const off = flatten(buildMenuTemplate(input({ recent })));
    const on = flatten(buildMenuTemplate(input({ recent, rendererCommands: true })));
    const state = (items: MenuItemSpec[], id: string): boolean | undefined => {
      const item = items.find((i) => i.type === 'command' && i.id === id);
      return item?.type === 'command' ? item.enabled : undefined;
    };
    for (const id of ['newDocument', 'openDocument', 'saveDocument', 'saveDocumentAs', 'recent:0']) {
      expect(state(off, id), id).toBe(false);
      expect(state(on, id), id).toBe(true);
    }
    expect(on.find((i) => i.type === 'command' && i.id === 'recent:0')).toMatchObject({ label: 'shop', path: '/labs/shop.devsim.yaml' });
    expect(state(off, 'clearRecent')).toBe(true);
    expect(state(flatten(buildMenuTemplate(input())), 'clearRecent')).toBe(false);
  });

  it('Help has Documentation (enabled only for a valid link) and About', () => {
    const help = menu(buildMenuTemplate(input()), 'Help');
    expect(labels(help).filter((l) => l !== '-')).toEqual(['Documentation', 'About DevOps Simulator']);
    expect(help[0]).toMatchObject({ enabled: true });
    for (const docsUrl of [undefined, 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(menu(buildMenuTemplate(input({ docsUrl })), 'Help')[0], String(docsUrl)).toMatchObject({ enabled: false });
    }
  });
});
