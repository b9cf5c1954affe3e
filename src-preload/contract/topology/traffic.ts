import { z } from 'zod';

const rps = z.number().nonnegative().max(10_000_000).meta({ description: 'Requests per second', unit: 'req/s' });
const seconds = z.number().nonnegative().max(31_536_000).meta({ unit: 's' });

/** Requests per second over simulated time. */
export const rateProfileSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('constant'), rps: rps.meta({ description: 'Requests per second, all the time', unit: 'req/s' }) }).strict(),
  z
    .object({
      type: z.literal('diurnal'),
      baseRps: rps.meta({ description: 'Rate at the quietest hour', unit: 'req/s' }),
      peakRps: rps.meta({ description: 'Rate at the peak hour', unit: 'req/s' }),
      /** Hour of the simulated day (0–24) at which the peak falls. */
      peakHour: z.number().min(0).max(24).default(14).meta({ description: 'Hour of the simulated day at which the peak falls', unit: 'h' }),
      periodS: z.number().positive().max(31_536_000).default(86_400).meta({ description: 'Length of one cycle', unit: 's' }),
    })
    .strict(),
  z
    .object({
      type: z.literal('ramp'),
      fromRps: rps.meta({ description: 'Rate at the start of the ramp', unit: 'req/s' }),
      toRps: rps.meta({ description: 'Rate at the end of the ramp (and after it)', unit: 'req/s' }),
      startS: seconds.default(0).meta({ description: 'When the ramp starts', unit: 's' }),
      durationS: seconds.meta({ description: 'How long the ramp takes', unit: 's' }),
    })
    .strict(),
  z
    .object({
      type: z.literal('spike'),
      baseRps: rps.meta({ description: 'Rate outside the spike', unit: 'req/s' }),
      spikeRps: rps.meta({ description: 'Rate during the spike', unit: 'req/s' }),
      atS: seconds.meta({ description: 'When the spike starts', unit: 's' }),
      durationS: seconds.meta({ description: 'How long the spike lasts', unit: 's' }),
    })
    .strict(),
  z
    .object({
      type: z.literal('replay'),
      /** A rate series: time in seconds and requests per second, held until the next point. */
      points: z
        .array(z.object({ tS: seconds.meta({ description: 'Time of the point', unit: 's' }), rps }).strict())
        .min(1)
        .max(1_000_000)
        .optional()
        .meta({ description: 'A rate series: time in seconds and requests per second, held until the next point' }),
      /** Or a CSV file `t_s,rps` next to the document. */
      file: z.string().max(4096).optional().meta({ description: 'Or a CSV file "t_s,rps" next to the document' }),
      loop: z.boolean().default(false).meta({ description: 'Starts over at the end of the series' }),
    })
    .strict()
    .refine((r) => (r.points === undefined) !== (r.file === undefined), { message: 'give either points or file' }),
]).meta({ description: 'Requests per second over simulated time' });
export type RateProfile = z.infer<typeof rateProfileSchema>;

/** A kind of request in the mix: read or write, an endpoint. */
export const requestClassSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'a class name: lower-case letters, digits, _ or -' })
      .meta({ description: 'Name of the class; service times and links can name it' }),
    weight: z.number().positive().max(1_000_000).default(1).meta({ description: 'Share of requests, relative to the other classes' }),
    /** Writes go to a database primary; reads may go to replicas or a cache. */
    operation: z.enum(['read', 'write']).default('read').meta({ description: 'Writes go to a database primary; reads may go to replicas or a cache' }),
  })
  .strict();
export type RequestClass = z.infer<typeof requestClassSchema>;
