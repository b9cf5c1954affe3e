import { z } from 'zod';
import { distributionSchema } from './distributions.js';

const replicas = z.number().int().min(0).max(10_000);

/** Kubernetes HPA as the controller does it; defaults are the controller's. */
const hpaFields = {
  minReplicas: z.number().int().min(1).max(10_000).default(1).meta({ description: 'The autoscaler never goes below this', unit: 'replicas' }),
  maxReplicas: z.number().int().min(1).max(10_000).default(10).meta({ description: 'The autoscaler never goes above this', unit: 'replicas' }),
  targetCpuPercent: z.number().positive().max(1000).default(70).meta({ description: 'CPU use per replica the autoscaler aims at', unit: '%' }),
  tolerance: z.number().min(0).max(1).default(0.1).meta({ description: 'No scaling while usage is within this share of the target (0–1)', unit: '0–1' }),
  syncPeriodS: z.number().positive().max(3600).default(15).meta({ description: 'How often the autoscaler looks', unit: 's' }),
  scaleDownStabilizationS: z.number().nonnegative().max(3600).default(300).meta({ description: 'Scale down only to the highest recommendation of this window', unit: 's' }),
};

/** How the number of replicas changes during a run. */
export const scalingSchema = z.discriminatedUnion('policy', [
  z.object({ policy: z.literal('manual') }).strict(),
  z.object({ policy: z.literal('hpa'), ...hpaFields }).strict(),
  z
    .object({
      policy: z.literal('predictive'),
      ...hpaFields,
      /** Scale out this long before the forecast load arrives. */
      bufferS: z.number().nonnegative().max(86_400).default(300).meta({ description: 'Scale out this long before the forecast load arrives', unit: 's' }),
      /** Name of a forecasting model from the ML lab; none: the seasonal-naive baseline. */
      model: z.string().max(200).optional().meta({ description: 'A forecasting model from the ML lab; none: the seasonal-naive baseline' }),
    })
    .strict(),
  z.object({ policy: z.literal('learned'), ...hpaFields, model: z.string().max(200).optional().meta({ description: 'A policy model from the ML lab; none: the HPA rule' }) }).strict(),
]).meta({ description: 'How the number of replicas changes during a run' });
export type Scaling = z.infer<typeof scalingSchema>;

export const retrySchema = z
  .object({
    max: z.number().int().min(0).max(20).default(0).meta({ description: 'Retries after a failed call; 0: none', unit: 'retries' }),
    backoffMs: z.number().nonnegative().max(600_000).default(100).meta({ description: 'Wait before the first retry', unit: 'ms' }),
    multiplier: z.number().min(1).max(10).default(2).meta({ description: 'Each further wait is this many times the last', unit: '×' }),
  })
  .strict()
  .meta({ description: 'How failed requests are retried' });

/**
 * A queueing station: replicas × concurrency servers in front of one queue. With one
 * replica, concurrency c and queueCapacity K it is exactly the textbook M/G/c/K.
 */
export const stationFields = {
  replicas: replicas.default(1).meta({ description: 'Instances running at the start', unit: 'replicas' }),
  /** Requests one replica serves at once (servers per replica). */
  concurrency: z.number().int().min(1).max(100_000).default(1).meta({ description: 'Requests one replica serves at once', unit: 'requests' }),
  /** Requests waiting beyond those in service; null: unbounded. Excess is rejected. */
  queueCapacity: z
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .nullable()
    .default(null)
    .meta({ description: 'Requests that may wait beyond those in service; empty: unbounded. Excess is rejected', unit: 'requests' }),
  serviceTime: z
    .object({
      default: distributionSchema.meta({ description: 'Time to serve one request' }),
      /** A distribution per request class, overriding the default. */
      classes: z.record(z.string(), distributionSchema).default({}).meta({ description: 'A time per request class, overriding the default' }),
    })
    .strict()
    .meta({ description: 'How long one request takes to serve' }),
  /** Seconds from start to ready (cold start, readiness). */
  startupS: z.number().nonnegative().max(3600).default(0).meta({ description: 'From start to ready (cold start, readiness)', unit: 's' }),
  /** A request waiting or in service longer than this fails with a timeout; none: no limit. */
  timeoutMs: z.number().positive().max(3_600_000).optional().meta({ description: 'A request waiting or in service longer than this fails; none: no limit', unit: 'ms' }),
  retries: retrySchema.default({ max: 0, backoffMs: 100, multiplier: 2 }),
  scaling: scalingSchema.default({ policy: 'manual' }),
  /** Memory model: a base per replica plus a share per request in flight. */
  memoryPerRequestMiB: z.number().nonnegative().max(65_536).default(0).meta({ description: 'Memory each request in flight adds to a replica', unit: 'MiB' }),
};
