import { z } from 'zod';

const positiveMs = z.number().positive().max(86_400_000).meta({ unit: 'ms' });

/** How long one request takes to serve, in simulated milliseconds. */
export const distributionSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('exponential'), meanMs: positiveMs.meta({ description: 'Mean time (memoryless: most are short, a few long)', unit: 'ms' }) }).strict(),
    z.object({ type: z.literal('constant'), valueMs: positiveMs.meta({ description: 'Every request takes exactly this long', unit: 'ms' }) }).strict(),
    z
      .object({
        type: z.literal('lognormal'),
        meanMs: positiveMs.meta({ description: 'Mean time', unit: 'ms' }),
        stdDevMs: z.number().nonnegative().max(86_400_000).meta({ description: 'Standard deviation: how far times spread (a long tail)', unit: 'ms' }),
      })
      .strict(),
    z
      .object({
        type: z.literal('uniform'),
        minMs: z.number().nonnegative().meta({ description: 'Shortest time', unit: 'ms' }),
        maxMs: positiveMs.meta({ description: 'Longest time', unit: 'ms' }),
      })
      .strict(),
    z
      .object({
        type: z.literal('empirical'),
        /** Observed service times; sampled uniformly. */
        samplesMs: z
          .array(z.number().nonnegative().max(86_400_000))
          .min(1)
          .max(100_000)
          .meta({ description: 'Observed service times, sampled uniformly', unit: 'ms' }),
      })
      .strict(),
  ])
  .describe('A service-time distribution in milliseconds');
export type Distribution = z.infer<typeof distributionSchema>;

/** The mean of a distribution, for validation and quick estimates. */
export function distributionMean(d: Distribution): number {
  switch (d.type) {
    case 'exponential':
    case 'lognormal':
      return d.meanMs;
    case 'constant':
      return d.valueMs;
    case 'uniform':
      return (d.minMs + d.maxMs) / 2;
    case 'empirical':
      return d.samplesMs.reduce((a, b) => a + b, 0) / d.samplesMs.length;
  }
}
