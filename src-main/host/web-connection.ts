import { WebSocket, type RawData } from 'ws';
import type { Logger } from '../app/logger.js';
import type { Dispatch } from './dispatch.js';
import { readFrame, refusalFrame, type OutgoingFrame } from './web-frames.js';

/** Bad frames logged per connection before the rest are only counted (a flood logs a few lines). */
const LOGGED_BAD_FRAMES = 5;

const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

/** Sends if the socket is still open; a client that left mid-call is not an error. */
export function send(ws: WebSocket, frame: OutgoingFrame | string): void {
  if (ws.readyState !== WebSocket.OPEN) return;
  ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
}

/** Answers one client's frames: every message gets exactly one reply or error frame. */
export function serveConnection(ws: WebSocket, dispatch: Dispatch, log: Logger, name: string): void {
  let badFrames = 0;

  ws.on('message', (data, isBinary) => {
    const read = readFrame(toBuffer(data), isBinary);
    if (!read.ok) {
      badFrames++;
      if (badFrames <= LOGGED_BAD_FRAMES) log.warn(`${name}: bad frame (${read.error.message.slice(0, 160)})`);
      if (badFrames === LOGGED_BAD_FRAMES) log.warn(`${name}: further bad frames are counted, not logged`);
      send(ws, refusalFrame(read));
      return;
    }
    const { id, method, args } = read.frame;
    // dispatch never rejects; the catch only keeps a broken invariant from going unhandled.
    dispatch(method, args).then(
      (reply) => send(ws, { type: 'reply', id, reply }),
      (err: unknown) => {
        log.error(`${name}: dispatch rejected for ${method.slice(0, 80)}`, err);
        send(ws, { type: 'reply', id, reply: { ok: false, error: { code: 'INTERNAL', message: 'The call failed inside the host.' } } });
      },
    );
  });

  // ws reports an over-size message (and other protocol errors) here, then closes with 1009 etc.
  ws.on('error', (err: Error & { code?: string }) => {
    log.warn(`${name}: closed for a protocol error: ${err.code ?? ''} ${err.message}`.replace(/\s+/g, ' '));
  });

  ws.on('close', (code) => {
    const extra = badFrames > LOGGED_BAD_FRAMES ? `, ${badFrames} bad frames in all` : '';
    log.info(`${name}: disconnected (${code}${extra})`);
  });
}
