// Native Open and Save dialogs for the document methods (desktop only).
import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs } from '../app/handlers.js';

const FILTERS = [
  { name: 'DevOps Simulator topology', extensions: ['yaml', 'yml', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

export function createFileDialogs(window: () => BrowserWindow | undefined): FileDialogs {
  return {
    async pickOpenPath() {
      const win = window();
      const options = { title: 'Open topology', filters: FILTERS, properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSavePath(suggestedName) {
      const win = window();
      const options = { title: 'Save topology', defaultPath: suggestedName, filters: FILTERS };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
