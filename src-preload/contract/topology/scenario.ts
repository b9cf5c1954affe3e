import { z } from 'zod';
import { idSchema } from './ids.js';

const atS = z.number().nonnegative().max(31_536_000).describe('Seconds after the run starts');
const durationS = z.number().positive().max(31_536_000).optional().describe('How long it lasts; none: until the run ends');
const target = idSchema.describe('A node id, or a group id for region-wide faults');

/** Planned faults, in Chaos Mesh's vocabulary. */
export const faultSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pod-kill'), at: atS, target, count: z.number().int().min(1).max(10_000).default(1) }).strict(),
  z.object({ type: z.literal('pod-failure'), at: atS, target, durationS, count: z.number().int().min(1).max(10_000).default(1) }).strict(),
  z.object({ type: z.literal('network-delay'), at: atS, target, durationS, delayMs: z.number().positive().max(600_000), jitterMs: z.number().nonnegative().max(600_000).default(0) }).strict(),
  z.object({ type: z.literal('network-loss'), at: atS, target, durationS, lossPercent: z.number().min(0).max(100) }).strict(),
  z.object({ type: z.literal('network-partition'), at: atS, target, durationS, from: idSchema.optional() }).strict(),
  z.object({ type: z.literal('cpu-stress'), at: atS, target, durationS, loadPercent: z.number().min(0).max(100) }).strict(),
  z.object({ type: z.literal('memory-stress'), at: atS, target, durationS, sizeMiB: z.number().positive().max(4_194_304) }).strict(),
  z.object({ type: z.literal('db-primary-failure'), at: atS, target }).strict(),
  z.object({ type: z.literal('cache-flush'), at: atS, target }).strict(),
  z.object({ type: z.literal('region-outage'), at: atS, target, durationS }).strict(),
]);
export type Fault = z.infer<typeof faultSchema>;

/** A new version rolled out during the run, possibly with a regression. */
export const deploymentSchema = z
  .object({
    at: atS,
    target: idSchema,
    version: z.string().min(1).max(100),
    strategy: z.enum(['rolling', 'recreate', 'blue-green', 'canary']).default('rolling'),
    maxSurge: z.number().int().min(0).max(10_000).default(1),
    maxUnavailable: z.number().int().min(0).max(10_000).default(0),
    canaryPercent: z.number().min(0).max(100).default(10),
    /** The new version's regression: extra error rate and a latency multiplier. */
    errorRate: z.number().min(0).max(1).default(0),
    latencyFactor: z.number().positive().max(1000).default(1),
    autoRollback: z.boolean().default(true),
  })
  .strict();
export type Deployment = z.infer<typeof deploymentSchema>;

export const scenarioSchema = z
  .object({
    durationS: z.number().positive().max(31_536_000).default(3600),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    /** Samples before this are not counted in the summary. */
    warmupS: z.number().nonnegative().max(31_536_000).default(0),
    /** Off: the document's replicas are already running when the run begins, as in a live system. */
    coldStart: z
      .boolean()
      .default(false)
      .meta({ description: "Start the document's replicas when the run begins, each ready only after its start-up time; off: they are already running" }),
    faults: z.array(faultSchema).max(10_000).default([]),
    deployments: z.array(deploymentSchema).max(10_000).default([]),
    /** Service-level objectives the run is judged by. */
    slo: z
      .object({
        latencyP99Ms: z.number().positive().max(3_600_000).default(500),
        errorRatePercent: z.number().min(0).max(100).default(1),
        /** Chaos experiments' steady state: the SLO held this long before a fault, and after it to count as recovered. */
        steadyStateS: z
          .number()
          .positive()
          .max(86_400)
          .default(60)
          .meta({ description: 'Seconds the SLO must hold to count as a steady state: before each fault (its baseline) and after it (recovered)' }),
      })
      .strict()
      .default({ latencyP99Ms: 500, errorRatePercent: 1, steadyStateS: 60 }),
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema>;
