import { z } from 'zod';
import { idSchema } from './ids.js';

export const CLOUD_PROVIDERS = ['aws', 'azure', 'gcp', 'digitalocean', 'on-prem', 'local'] as const;

/** Clouds contain regions, regions contain zones; nodes name the region or zone they run in. */
export const groupSchema = z
  .object({
    type: z.enum(['cloud', 'region', 'zone']).meta({ description: 'Clouds contain regions, regions contain zones' }),
    label: z.string().max(200).optional().meta({ description: 'Name shown on the frame; none: the id' }),
    parent: idSchema.optional().meta({ description: 'The cloud or region (a group id) this one sits in' }),
    provider: z.enum(CLOUD_PROVIDERS).optional().meta({ description: 'Who runs it' }),
    /** The provider's own name for a region or zone, e.g. us-east-1. */
    providerRegion: z.string().max(100).optional().meta({ description: "The provider's own name for the region or zone, e.g. us-east-1" }),
    /** Price of one instance for one hour, in dollars, for nodes in this group. */
    instanceHourCost: z.number().nonnegative().max(10_000).optional().meta({ description: 'Price of one instance for one hour for nodes in this group; none: the document default', unit: '$/h' }),
    position: z
      .object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() })
      .strict()
      .optional()
      .meta({ description: 'Frame on the editor canvas; none: drawn around its members' }),
  })
  .strict();
export type Group = z.infer<typeof groupSchema>;
