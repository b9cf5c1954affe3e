// The native menu as plain data; src-main/host turns it into an Electron Menu and wires
// the commands. Kept here so a test can check every menu, accelerator and platform rule.
import { checkExternalUrl } from './external-url.js';

/** Electron menu roles this menu uses (a subset of Electron's). */
export type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'close'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll'
  | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'zoom' | 'front' | 'window' | 'help';

/** Commands main runs itself. */
export type MainCommand = 'clearRecent' | 'openDocumentation';
/** Commands only the renderer can carry out (it holds the open document). */
export type RendererCommand = 'newDocument' | 'openDocument' | 'openRecent' | 'saveDocument' | 'saveDocumentAs';
export type MenuCommand = MainCommand | RendererCommand;

export type MenuItemSpec =
  | { type: 'separator' }
  | { type: 'role'; role: MenuRole; label?: string; accelerator?: string }
  | {
      type: 'command';
      id: string;
      label: string;
      command: MenuCommand;
      enabled: boolean;
      accelerator?: string;
      /** The document an openRecent item opens. */
      path?: string;
    }
  | { type: 'submenu'; label: string; role?: MenuRole; items: MenuItemSpec[] };

export interface MenuInput {
  platform: string;
  isDev: boolean;
  appName: string;
  recent: readonly { path: string; name: string }[];
  docsUrl?: string | undefined;
  /**
   * Whether the renderer can receive menu commands. The contract has no event for that
   * yet, so New/Open/Save stay disabled until it does.
   */
  rendererCommands: boolean;
}

const separator: MenuItemSpec = { type: 'separator' };
const role = (r: MenuRole, accelerator?: string, label?: string): MenuItemSpec => ({
  type: 'role',
  role: r,
  ...(accelerator === undefined ? {} : { accelerator }),
  ...(label === undefined ? {} : { label }),
});

export function buildMenuTemplate(input: MenuInput): MenuItemSpec[] {
  const mac = input.platform === 'darwin';
  const menus: MenuItemSpec[] = [];
  if (mac) {
    menus.push({
      type: 'submenu',
      label: input.appName,
      items: [
        role('about', undefined, `About ${input.appName}`),
        separator,
        role('services'),
        separator,
        role('hide', 'Cmd+H'),
        role('hideOthers', 'Cmd+Alt+H'),
        role('unhide'),
        separator,
        role('quit', 'Cmd+Q', `Quit ${input.appName}`),
      ],
    });
  }
  menus.push(fileMenu(input, mac), editMenu(mac), viewMenu(input.isDev, mac), windowMenu(mac), helpMenu(input, mac));
  return menus;
}

function fileMenu(input: MenuInput, mac: boolean): MenuItemSpec {
  const on = input.rendererCommands;
  const command = (id: RendererCommand, label: string, accelerator: string): MenuItemSpec => ({
    type: 'command', id, label, command: id, enabled: on, accelerator,
  });
  return {
    type: 'submenu',
    label: 'File',
    items: [
      command('newDocument', 'New', 'CmdOrCtrl+N'),
      command('openDocument', 'Open…', 'CmdOrCtrl+O'),
      { type: 'submenu', label: 'Open Recent', items: recentItems(input) },
      separator,
      command('saveDocument', 'Save', 'CmdOrCtrl+S'),
      command('saveDocumentAs', 'Save As…', 'CmdOrCtrl+Shift+S'),
      separator,
      role('close', 'CmdOrCtrl+W', 'Close Window'),
      ...(mac ? [] : [separator, role('quit', 'CmdOrCtrl+Q', input.platform === 'win32' ? 'Exit' : 'Quit')]),
    ],
  };
}

function recentItems(input: MenuInput): MenuItemSpec[] {
  const documents: MenuItemSpec[] = input.recent.slice(0, 10).map((doc, index) => ({
    type: 'command', id: `recent:${index}`, label: doc.name, command: 'openRecent', enabled: input.rendererCommands, path: doc.path,
  }));
  if (documents.length === 0) {
    documents.push({ type: 'command', id: 'recent:none', label: 'No Recent Documents', command: 'openRecent', enabled: false });
  }
  return [
    ...documents,
    separator,
    { type: 'command', id: 'clearRecent', label: 'Clear Recently Opened', command: 'clearRecent', enabled: input.recent.length > 0 },
  ];
}

function editMenu(mac: boolean): MenuItemSpec {
  return {
    type: 'submenu',
    label: 'Edit',
    items: [
      role('undo', 'CmdOrCtrl+Z'),
      role('redo', mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      separator,
      role('cut', 'CmdOrCtrl+X'),
      role('copy', 'CmdOrCtrl+C'),
      role('paste', 'CmdOrCtrl+V'),
      ...(mac ? [role('pasteAndMatchStyle', 'Shift+Alt+Cmd+V')] : []),
      role('delete'),
      separator,
      role('selectAll', 'CmdOrCtrl+A'),
    ],
  };
}

function viewMenu(isDev: boolean, mac: boolean): MenuItemSpec {
  // Reloading throws away unsaved work and devtools open the app's insides: development only.
  const dev = isDev
    ? [
        role('reload', 'CmdOrCtrl+R'),
        role('forceReload', 'Shift+CmdOrCtrl+R'),
        role('toggleDevTools', mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I'),
        separator,
      ]
    : [];
  return {
    type: 'submenu',
    label: 'View',
    items: [
      ...dev,
      role('resetZoom', 'CmdOrCtrl+0', 'Actual Size'),
      role('zoomIn', 'CmdOrCtrl+Plus', 'Zoom In'),
      role('zoomOut', 'CmdOrCtrl+-', 'Zoom Out'),
      separator,
      role('togglefullscreen', mac ? 'Ctrl+Cmd+F' : 'F11', 'Toggle Full Screen'),
    ],
  };
}

function windowMenu(mac: boolean): MenuItemSpec {
  return {
    type: 'submenu',
    label: 'Window',
    role: 'window',
    items: mac ? [role('minimize', 'Cmd+M'), role('zoom'), separator, role('front')] : [role('minimize', 'Ctrl+M')],
  };
}

function helpMenu(input: MenuInput, mac: boolean): MenuItemSpec {
  const docs = input.docsUrl === undefined ? false : checkExternalUrl(input.docsUrl).ok;
  return {
    type: 'submenu',
    label: 'Help',
    role: 'help',
    items: [
      { type: 'command', id: 'openDocumentation', label: 'Documentation', command: 'openDocumentation', enabled: docs },
      ...(mac ? [] : [separator, role('about', undefined, `About ${input.appName}`)]),
    ],
  };
}

/** Every accelerator in the template, depth first, for duplicate checks. */
export function listAccelerators(items: readonly MenuItemSpec[]): string[] {
  return items.flatMap((item) => {
    if (item.type === 'submenu') return listAccelerators(item.items);
    if (item.type === 'separator' || item.accelerator === undefined) return [];
    return [item.accelerator];
  });
}
