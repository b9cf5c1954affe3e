// The Electron binary cannot run here, so these tests drive the real IPC host with a tiny
// fake of ipcMain (a map of channel → handler) and fake web contents. Everything behind
// it is real: the dispatcher, the handlers and a SQLite store in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../src-main/app/bootstrap.js';
import { createMemoryLogger } from '../../../src-main/app/logger.js';
import { registerIpcHost, senderFrameCheck, type EventSink } from '../../../src-main/host/ipc-host.js';
import { isTrustedOrigin } from '../../../src-main/shell/origin.js';
import {
  MAX_PAYLOAD_BYTES,
  METHOD_NAMES,
  eventChannel,
  methodChannel,
  type Reply,
} from '../../../src-preload/contract/index.js';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`); // as Electron does
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke would get back; an unhandled channel rejects, as in Electron. */
  async invoke(channel: string, frameUrl: string | null, args?: unknown): Promise<Reply> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = { senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
    return (await handler(event, args)) as Reply;
  }
}

class FakeContents implements EventSink {
  readonly sent: [string, unknown][] = [];
  destroyed = false;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, args[0]]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

const APP_PAGE = 'app://devsim/index.html';

describe('registerIpcHost', () => {
  let dir: string;
  let running: RunningApp;
  let ipc: FakeIpcMain;
  let window: FakeContents;
  let log: ReturnType<typeof createMemoryLogger>;
  let stop: () => void;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'devsim-ipc-'));
    log = createMemoryLogger();
    running = startApp({ mode: 'desktop', dataDir: dir, log });
    ipc = new FakeIpcMain();
    window = new FakeContents();
    stop = registerIpcHost({
      ipc: ipc as never,
      dispatch: running.dispatch,
      bus: running.ctx.bus,
      isTrustedSender: senderFrameCheck((url) => isTrustedOrigin(url)),
      eventTargets: () => [window],
      log,
    });
  });

  afterEach(() => {
    stop();
    running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('handles exactly one channel per contract method', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(methodChannel).sort());
  });

  it('dispatches a call from the app’s own page', async () => {
    const reply = await ipc.invoke(methodChannel('getSettings'), APP_PAGE);
    expect(reply).toMatchObject({ ok: true, result: { theme: 'system' } });
    const info = await ipc.invoke(methodChannel('appInfo'), APP_PAGE);
    expect(info).toMatchObject({ ok: true, result: { mode: 'desktop', dataDir: dir } });
  });

  it('refuses a call from any other frame, or from a frame that is gone, without running it', async () => {
    for (const frame of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'about:blank', null]) {
      const reply = await ipc.invoke(methodChannel('setSettings'), frame, { theme: 'dark' });
      expect(reply, String(frame)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', where: 'setSettings' } });
    }
    expect(running.ctx.store.settings.get().theme).toBe('system');
    expect(log.lines.filter((l) => l.includes('UNAUTHORIZED') || l.includes('not the app'))).toHaveLength(5);
  });

  it('refuses a request over the payload limit with TOO_LARGE before parsing it', async () => {
    const reply = await ipc.invoke(methodChannel('addRecent'), APP_PAGE, { path: 'x'.repeat(MAX_PAYLOAD_BYTES) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', where: 'addRecent' } });
    expect(running.ctx.store.recent.list()).toEqual([]);
  });

  it('answers bad arguments with the dispatcher’s typed error, and survives cyclic ones', async () => {
    expect(await ipc.invoke(methodChannel('setSettings'), APP_PAGE, { theme: 42 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(await ipc.invoke(methodChannel('addRecent'), APP_PAGE, cyclic)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('leaves unknown channels unhandled', async () => {
    await expect(ipc.invoke('devsim:call:deleteEverything', APP_PAGE)).rejects.toThrow(/No handler/);
  });

  it('pushes bus events to live windows on the event channel', async () => {
    await ipc.invoke(methodChannel('setSettings'), APP_PAGE, { theme: 'dark' });
    expect(window.sent).toEqual([[eventChannel('settingsChanged'), expect.objectContaining({ theme: 'dark' })]]);
    window.destroyed = true;
    await ipc.invoke(methodChannel('setSettings'), APP_PAGE, { theme: 'light' });
    expect(window.sent).toHaveLength(1);
  });

  it('unregisters every channel and stops forwarding when stopped', async () => {
    stop();
    expect(ipc.handlers.size).toBe(0);
    running.ctx.bus.emit('recentChanged', []);
    expect(window.sent).toEqual([]);
    stop = () => undefined;
  });
});
