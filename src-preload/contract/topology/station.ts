import { z } from 'zod';
import { distributionSchema } from './distributions.js';

const replicas = z.number().int().min(0).max(10_000);

/** Kubernetes HPA as the controller does it; defaults are the controller's. */
const hpaFields = {
  minReplicas: z.number().int().min(1).max(10_000).default(1),
  maxReplicas: z.number().int().min(1).max(10_000).default(10),
  targetCpuPercent: z.number().positive().max(1000).default(70),
  tolerance: z.number().min(0).max(1).default(0.1),
  syncPeriodS: z.number().positive().max(3600).default(15),
  scaleDownStabilizationS: z.number().nonnegative().max(3600).default(300),
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
      bufferS: z.number().nonnegative().max(86_400).default(300),
      /** Name of a forecasting model from the ML lab; none: the seasonal-naive baseline. */
      model: z.string().max(200).optional(),
    })
    .strict(),
  z.object({ policy: z.literal('learned'), ...hpaFields, model: z.string().max(200).optional() }).strict(),
]);
export type Scaling = z.infer<typeof scalingSchema>;

export const retrySchema = z
  .object({
    max: z.number().int().min(0).max(20).default(0),
    backoffMs: z.number().nonnegative().max(600_000).default(100),
    multiplier: z.number().min(1).max(10).default(2),
  })
  .strict();

/**
 * A queueing station: replicas × concurrency servers in front of one queue. With one
 * replica, concurrency c and queueCapacity K it is exactly the textbook M/G/c/K.
 */
export const stationFields = {
  replicas: replicas.default(1),
  /** Requests one replica serves at once (servers per replica). */
  concurrency: z.number().int().min(1).max(100_000).default(1),
  /** Requests waiting beyond those in service; null: unbounded. Excess is rejected. */
  queueCapacity: z.number().int().min(0).max(10_000_000).nullable().default(null),
  serviceTime: z
    .object({
      default: distributionSchema,
      /** A distribution per request class, overriding the default. */
      classes: z.record(z.string(), distributionSchema).default({}),
    })
    .strict(),
  /** Seconds from start to ready (cold start, readiness). */
  startupS: z.number().nonnegative().max(3600).default(0),
  /** A request waiting or in service longer than this fails with a timeout; none: no limit. */
  timeoutMs: z.number().positive().max(3_600_000).optional(),
  retries: retrySchema.default({ max: 0, backoffMs: 100, multiplier: 2 }),
  scaling: scalingSchema.default({ policy: 'manual' }),
  /** Memory model: a base per replica plus a share per request in flight. */
  memoryPerRequestMiB: z.number().nonnegative().max(65_536).default(0),
};
