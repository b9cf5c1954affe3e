import { z } from 'zod';

const rps = z.number().nonnegative().max(10_000_000);
const seconds = z.number().nonnegative().max(31_536_000);

/** Requests per second over simulated time. */
export const rateProfileSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('constant'), rps }).strict(),
  z
    .object({
      type: z.literal('diurnal'),
      baseRps: rps,
      peakRps: rps,
      /** Hour of the simulated day (0–24) at which the peak falls. */
      peakHour: z.number().min(0).max(24).default(14),
      periodS: z.number().positive().max(31_536_000).default(86_400),
    })
    .strict(),
  z.object({ type: z.literal('ramp'), fromRps: rps, toRps: rps, startS: seconds.default(0), durationS: seconds }).strict(),
  z.object({ type: z.literal('spike'), baseRps: rps, spikeRps: rps, atS: seconds, durationS: seconds }).strict(),
  z
    .object({
      type: z.literal('replay'),
      /** A rate series: time in seconds and requests per second, held until the next point. */
      points: z
        .array(z.object({ tS: seconds, rps }).strict())
        .min(1)
        .max(1_000_000)
        .optional(),
      /** Or a CSV file `t_s,rps` next to the document. */
      file: z.string().max(4096).optional(),
      loop: z.boolean().default(false),
    })
    .strict()
    .refine((r) => (r.points === undefined) !== (r.file === undefined), { message: 'give either points or file' }),
]);
export type RateProfile = z.infer<typeof rateProfileSchema>;

/** A kind of request in the mix: read or write, an endpoint. */
export const requestClassSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'a class name: lower-case letters, digits, _ or -' }),
    weight: z.number().positive().max(1_000_000).default(1),
    /** Writes go to a database primary; reads may go to replicas or a cache. */
    operation: z.enum(['read', 'write']).default('read'),
  })
  .strict();
export type RequestClass = z.infer<typeof requestClassSchema>;
