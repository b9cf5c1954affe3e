import { z } from 'zod';
import type { EventName } from './names.js';
import { recentDocumentSchema } from './methods.js';
import { documentPathSchema } from './paths.js';
import { settingsSchema } from './settings.js';
import { runEvents } from './runs.js';
import { dockerEvents } from './docker.js';
import { bringUpEvents } from './bring-up.js';

/** Events main pushes to every connected renderer. */
export const events = {
  settingsChanged: settingsSchema,
  recentChanged: z.array(recentDocumentSchema),
  /** A native menu item (or a document opened from the OS) that the renderer carries out. */
  menuCommand: z.object({
    command: z.enum(['newDocument', 'openDocument', 'openRecent', 'saveDocument', 'saveDocumentAs', 'closeDocument']),
    path: documentPathSchema.optional(),
  }),
  ...runEvents,
  ...dockerEvents,
  ...bringUpEvents,
} as const satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
