import { z } from 'zod';
import { errorPayloadSchema } from './errors.js';

/** What a call returns on either transport: a result or a typed error, never a thrown one. */
export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorPayloadSchema }),
]);
export type Reply = z.infer<typeof replySchema>;

/** Browser-mode WebSocket frames (Electron IPC carries the same Reply per invoke). */
export const clientFrameSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  args: z.unknown().optional(),
});
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export const serverFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), id: z.number().int().nonnegative(), reply: replySchema }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
  /** A frame the host could not read well enough to answer by id. */
  z.object({ type: z.literal('error'), error: errorPayloadSchema }),
]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;
