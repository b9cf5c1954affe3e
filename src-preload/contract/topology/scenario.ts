import { z } from 'zod';
import { idSchema } from './ids.js';

const atS = z.number().nonnegative().max(31_536_000).describe('Seconds after the run starts');
const durationS = z.number().positive().max(31_536_000).optional().describe('How long it lasts; none: until the run ends');
const target = idSchema.describe('A node id, or a group id for region-wide faults');
/** A chaos-monkey schedule: the fault again every `everyS`, `times` in all (the first at `at`). */
const repeat = z
  .object({
    everyS: z.number().positive().max(31_536_000).describe('Seconds from one start to the next'),
    times: z.number().int().min(2).max(10_000).describe('How many times in all, the first at `at`'),
  })
  .strict()
  .optional()
  .describe('Repeat the fault on a schedule (a chaos monkey): each time is its own experiment');
/** Fault occurrences a scenario may plan in all, repeats counted. */
export const MAX_FAULT_OCCURRENCES = 100_000;

/** Planned faults, in Chaos Mesh's vocabulary. */
export const faultSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pod-kill'), at: atS, repeat, target, count: z.number().int().min(1).max(10_000).default(1) }).strict(),
  z.object({ type: z.literal('pod-failure'), at: atS, repeat, target, durationS, count: z.number().int().min(1).max(10_000).default(1) }).strict(),
  z.object({ type: z.literal('network-delay'), at: atS, repeat, target, durationS, delayMs: z.number().positive().max(600_000), jitterMs: z.number().nonnegative().max(600_000).default(0) }).strict(),
  z.object({ type: z.literal('network-loss'), at: atS, repeat, target, durationS, lossPercent: z.number().min(0).max(100) }).strict(),
  z
    .object({
      type: z.literal('network-bandwidth'),
      at: atS,
      repeat,
      target,
      durationS,
      rateMbps: z.number().positive().max(1_000_000).meta({ description: 'The link into the target: calls wait their turn on it', unit: 'Mbit/s' }),
      payloadKiB: z.number().positive().max(1_048_576).default(64).meta({ description: 'What each call moves over that link (request and response)', unit: 'KiB' }),
    })
    .strict(),
  z.object({ type: z.literal('network-partition'), at: atS, repeat, target, durationS, from: idSchema.optional() }).strict(),
  z.object({ type: z.literal('cpu-stress'), at: atS, repeat, target, durationS, loadPercent: z.number().min(0).max(100) }).strict(),
  z.object({ type: z.literal('memory-stress'), at: atS, repeat, target, durationS, sizeMiB: z.number().positive().max(4_194_304) }).strict(),
  z.object({ type: z.literal('db-primary-failure'), at: atS, repeat, target }).strict(),
  z.object({ type: z.literal('cache-flush'), at: atS, repeat, target }).strict(),
  z.object({ type: z.literal('region-outage'), at: atS, repeat, target, durationS }).strict(),
]);
export type Fault = z.infer<typeof faultSchema>;

/** Every time a fault acts: at `at`, then every `repeat.everyS` for `repeat.times` in all; each one without `repeat`. */
export function faultOccurrences(fault: Fault): Fault[] {
  const { repeat: schedule, ...once } = fault;
  if (schedule === undefined) return [fault];
  return Array.from({ length: schedule.times }, (_, k) => ({ ...once, at: fault.at + k * schedule.everyS }) as Fault);
}

const occurrences = (faults: readonly Fault[]) => faults.reduce((sum, f) => sum + (f.repeat?.times ?? 1), 0);

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
    faults: z
      .array(faultSchema)
      .max(10_000)
      .refine((faults) => occurrences(faults) <= MAX_FAULT_OCCURRENCES, { message: `at most ${MAX_FAULT_OCCURRENCES.toLocaleString('en')} fault occurrences in all, repeats counted` })
      .default([]),
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
