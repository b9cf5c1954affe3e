// Turns the menu template (plain data from src-main/shell) into Electron's Menu and wires
// the commands main can carry out itself.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuItemSpec } from '../shell/menu-template.js';

export type MenuActions = Partial<Record<MenuCommand, (path?: string) => void>>;

function toElectron(item: MenuItemSpec, actions: MenuActions): MenuItemConstructorOptions {
  switch (item.type) {
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return { role: item.role, ...(item.label ? { label: item.label } : {}), ...(item.accelerator ? { accelerator: item.accelerator } : {}) };
    case 'submenu':
      return {
        label: item.label,
        ...(item.role ? { role: item.role } : {}),
        submenu: item.items.map((child) => toElectron(child, actions)),
      };
    case 'command': {
      const action = actions[item.command];
      return {
        id: item.id,
        label: item.label,
        ...(item.accelerator ? { accelerator: item.accelerator } : {}),
        ...(item.path ? { toolTip: item.path } : {}),
        enabled: item.enabled && action !== undefined,
        click: () => action?.(item.path),
      };
    }
  }
}

export function installMenu(template: readonly MenuItemSpec[], actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map((item) => toElectron(item, actions))));
}
