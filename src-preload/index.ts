// The bridge: one function per contract method and one onXxx per event, nothing else.
// The renderer never sees ipcRenderer; main parses every argument it receives.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, METHOD_NAMES, eventChannel, methodChannel } from './contract/names.js';

const api: Record<string, unknown> = {};

for (const name of METHOD_NAMES) {
  // Resolves to the contract's Reply ({ok, result} | {ok:false, error}); the renderer's
  // api layer parses it and raises a ContractError, so messages survive the crossing.
  api[name] = (args?: unknown): Promise<unknown> => ipcRenderer.invoke(methodChannel(name), args);
}

for (const name of EVENT_NAMES) {
  const key = `on${name[0]!.toUpperCase()}${name.slice(1)}`;
  api[key] = (listener: (payload: unknown) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError(`${key} needs a function`);
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(eventChannel(name), wrapped);
    return () => {
      ipcRenderer.removeListener(eventChannel(name), wrapped);
    };
  };
}

contextBridge.exposeInMainWorld('devsim', Object.freeze(api));
