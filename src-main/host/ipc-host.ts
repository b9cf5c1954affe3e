// The Electron IPC transport: one handler per contract method, each checking who is
// calling and how much they send before the dispatcher parses the arguments. It uses
// Electron's types only; main passes in ipcMain, so tests can hand it a fake.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  METHOD_NAMES,
  eventChannel,
  methodChannel,
  type MethodName,
  type Reply,
} from '../../src-preload/contract/index.js';
import type { EventBus } from '../app/event-bus.js';
import type { Logger } from '../app/logger.js';
import { checkPayload } from '../shell/payload-limit.js';
import type { Dispatch } from './dispatch.js';

export type EventSink = Pick<WebContents, 'send' | 'isDestroyed'>;

export interface IpcHostOptions {
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: Dispatch;
  bus: EventBus;
  /** Whether the frame that sent this call is a page of this app. */
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  /** The web contents pushed events go to: the app's own windows. */
  eventTargets: () => Iterable<EventSink>;
  log: Logger;
}

/** A sender check from a URL check: the frame must still exist and be one of ours. */
export function senderFrameCheck(isTrustedUrl: (url: string) => boolean): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    try {
      const frame = event.senderFrame;
      return frame !== null && frame !== undefined && isTrustedUrl(frame.url);
    } catch {
      return false; // the frame was destroyed while the call was on its way
    }
  };
}

const refuse = (code: 'UNAUTHORIZED' | 'INTERNAL', message: string, where: string): Reply => ({
  ok: false,
  error: { code, message, where },
});

/** Registers every method's channel and forwards bus events; returns the undo. */
export function registerIpcHost(options: IpcHostOptions): () => void {
  const { ipc, dispatch, bus, isTrustedSender, log } = options;
  const handle = async (method: MethodName, event: IpcMainInvokeEvent, args: unknown): Promise<Reply> => {
    try {
      if (!isTrustedSender(event)) {
        log.warn(`${method}: refused a call from a frame that is not the app's`);
        return refuse('UNAUTHORIZED', 'Only the app’s own pages may call it.', method);
      }
      const tooBig = checkPayload(args, method);
      if (tooBig) {
        log.warn(`${method}: ${tooBig.code} ${tooBig.message}`);
        return { ok: false, error: tooBig };
      }
      return await dispatch(method, args);
    } catch (err) {
      log.error(`ipc ${method} failed`, err);
      return refuse('INTERNAL', `Something went wrong in ${method}.`, method);
    }
  };
  for (const method of METHOD_NAMES) {
    ipc.handle(methodChannel(method), (event, args: unknown) => handle(method, event, args));
  }
  const unsubscribe = bus.subscribe((name, payload) => {
    for (const target of options.eventTargets()) {
      if (!target.isDestroyed()) target.send(eventChannel(name), payload);
    }
  });
  return () => {
    unsubscribe();
    for (const method of METHOD_NAMES) ipc.removeHandler(methodChannel(method));
  };
}
