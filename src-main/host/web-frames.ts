import {
  clientFrameSchema,
  describeIssues,
  type ClientFrame,
  type ErrorPayload,
  type ServerFrame,
} from '../../src-preload/contract/index.js';

/**
 * Sent for a frame whose id cannot be read, so no reply can name it. Host-only for now:
 * wire.ts's serverFrameSchema does not list it (see the report on issue 2).
 */
export type ErrorFrame = { type: 'error'; error: ErrorPayload };
export type OutgoingFrame = ServerFrame | ErrorFrame;

export type ReadFrame =
  | { ok: true; frame: ClientFrame }
  | { ok: false; id: number | undefined; error: ErrorPayload };

const badRequest = (message: string, id?: number): ReadFrame => ({
  ok: false,
  id,
  error: { code: 'BAD_REQUEST', message },
});

/** Reads one incoming message as a call frame, or says in words what is wrong with it. */
export function readFrame(data: Buffer, isBinary: boolean): ReadFrame {
  if (isBinary) return badRequest('Binary messages are not part of the contract; send JSON text.');
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8'));
  } catch (err) {
    return badRequest(`The message is not JSON: ${(err as Error).message.slice(0, 120)}`);
  }
  const parsed = clientFrameSchema.safeParse(value);
  if (parsed.success) return { ok: true, frame: parsed.data };
  return badRequest(`The message is not a call frame: ${describeIssues(parsed.error, 'frame')}`, readableId(value));
}

/** The id of a frame that is wrong elsewhere, when it is one a reply may carry. */
function readableId(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

/** The frame that answers a bad message: a reply when its id is known, else an error frame. */
export const refusalFrame = (bad: Extract<ReadFrame, { ok: false }>): OutgoingFrame =>
  bad.id === undefined
    ? { type: 'error', error: bad.error }
    : { type: 'reply', id: bad.id, reply: { ok: false, error: bad.error } };
