import { z } from 'zod';
import type { EventName } from './names.js';
import { recentDocumentSchema } from './methods.js';
import { settingsSchema } from './settings.js';

/** Events main pushes to every connected renderer. */
export const events = {
  settingsChanged: settingsSchema,
  recentChanged: z.array(recentDocumentSchema),
} as const satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
