import { z } from 'zod';
import { idSchema } from './ids.js';

export const CLOUD_PROVIDERS = ['aws', 'azure', 'gcp', 'digitalocean', 'on-prem', 'local'] as const;

/** Clouds contain regions, regions contain zones; nodes name the region or zone they run in. */
export const groupSchema = z
  .object({
    type: z.enum(['cloud', 'region', 'zone']),
    label: z.string().max(200).optional(),
    parent: idSchema.optional(),
    provider: z.enum(CLOUD_PROVIDERS).optional(),
    /** The provider's own name for a region or zone, e.g. us-east-1. */
    providerRegion: z.string().max(100).optional(),
    /** Price of one instance for one hour, in dollars, for nodes in this group. */
    instanceHourCost: z.number().nonnegative().max(10_000).optional(),
    position: z.object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() }).strict().optional(),
  })
  .strict();
export type Group = z.infer<typeof groupSchema>;
