import { z } from 'zod';
import { deploymentSchema, faultSchema, topologySchema } from './topology/index.js';
import { documentPathSchema } from './paths.js';

/** queued: waiting for a free core; stopped: a budget ended it early (see stopReason). */
export const RUN_STATES = ['queued', 'running', 'paused', 'completed', 'stopped', 'cancelled', 'failed'] as const;
export type RunStateName = (typeof RUN_STATES)[number];
/** States a run never leaves. */
export const FINAL_RUN_STATES: readonly RunStateName[] = ['completed', 'stopped', 'cancelled', 'failed'];

const runIdSchema = z.string().regex(/^run-[0-9a-z-]{1,64}$/, { message: 'a run id like run-…' });
/** 'max': as fast as the kernel goes; a number: simulated seconds per wall second. */
export const runSpeedSchema = z.union([z.literal('max'), z.number().positive().max(10_000)]);
export type RunSpeed = z.infer<typeof runSpeedSchema>;

/** What a run may override of the document's scenario; unset fields take the document's. */
export const runParametersSchema = z
  .object({
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    durationS: z.number().positive().max(31_536_000).optional(),
    warmupS: z.number().nonnegative().max(31_536_000).optional(),
    speed: runSpeedSchema.default('max'),
    /** Seconds between series frames; default: the document's monitoring scrape interval. */
    seriesIntervalS: z.number().min(0.1).max(3600).optional(),
    /** Stop the run (state stopped) after this many events. */
    maxEvents: z.number().int().positive().max(1e12).optional(),
  })
  .strict();
export type RunParameters = z.infer<typeof runParametersSchema>;

/** The layout of series frames: value index = node index · metrics.length + metric index. */
export const seriesLayoutSchema = z.object({
  intervalMs: z.number().positive(),
  nodes: z.array(z.string()),
  metrics: z.array(z.string()),
});

/** A frame on the wire: JSON has no NaN, so "no data" is null. */
export const seriesFrameSchema = z.object({ tMs: z.number().nonnegative(), values: z.array(z.number().nullable()) });
export type SeriesFrameDto = z.infer<typeof seriesFrameSchema>;

export const runEventSchema = z.object({
  tMs: z.number().nonnegative(),
  type: z.string(),
  target: z.string().optional(),
  message: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  data: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
});
export type RunEventDto = z.infer<typeof runEventSchema>;

export const runInfoSchema = z.object({
  id: runIdSchema,
  name: z.string(),
  createdAt: z.string(),
  state: z.enum(RUN_STATES),
  seed: z.number().int().nonnegative(),
  /** Resolved: the document's scenario with the run's overrides applied. */
  parameters: z.object({
    durationS: z.number(),
    warmupS: z.number(),
    speed: runSpeedSchema,
    seriesIntervalS: z.number(),
    maxEvents: z.number().optional(),
  }),
  simulatedMs: z.number().nonnegative(),
  endMs: z.number().positive(),
  events: z.number().nonnegative(),
  layout: seriesLayoutSchema,
  /** The kernel summary plus totals.wall_seconds and totals.events_per_second (once finished). */
  summary: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  stopReason: z.string().nullable(),
  /** Frames and events past the storage limits, not stored. */
  dropped: z.object({ frames: z.number().int().nonnegative(), events: z.number().int().nonnegative() }),
});
export type RunInfo = z.infer<typeof runInfoSchema>;

const byId = z.object({ id: runIdSchema }).strict();
const timeRange = { fromMs: z.number().nonnegative().optional(), toMs: z.number().nonnegative().optional() };

export const runMethods = {
  /** Starts (or queues) a run; documentPath anchors replay CSV files named relative to it. */
  startRun: {
    args: z
      .object({
        document: topologySchema,
        name: z.string().min(1).max(200).optional(),
        documentPath: documentPathSchema.optional(),
        parameters: runParametersSchema.default({ speed: 'max' }),
      })
      .strict(),
    result: runInfoSchema,
  },
  pauseRun: { args: byId, result: runInfoSchema },
  resumeRun: { args: byId, result: runInfoSchema },
  /** Handles a number of events (default 1) of a paused run. */
  stepRun: { args: byId.extend({ events: z.number().int().min(1).max(1_000_000).default(1) }).strict(), result: runInfoSchema },
  setRunSpeed: { args: byId.extend({ speed: runSpeedSchema }).strict(), result: runInfoSchema },
  cancelRun: { args: byId, result: runInfoSchema },
  /** A fault now (its `at` is ignored); BAD_REQUEST for a run that is not going or a target the kernel cannot act on. */
  injectFault: { args: byId.extend({ fault: faultSchema }).strict(), result: runInfoSchema },
  /** A new version rolled out now (its `at` is ignored); BAD_REQUEST for a run that is not going or a target without instances. */
  startDeployment: { args: byId.extend({ deployment: deploymentSchema }).strict(), result: runInfoSchema },
  listRuns: { args: z.undefined(), result: z.array(runInfoSchema) },
  getRun: { args: byId, result: runInfoSchema },
  /** The document as the run simulated it (the open one may have changed since, or be another). */
  getRunDocument: { args: byId, result: z.object({ document: topologySchema }) },
  getRunSeries: {
    args: byId
      .extend({ ...timeRange, nodes: z.array(z.string().max(100)).max(1000).optional(), limit: z.number().int().min(1).max(100_000).default(10_000) })
      .strict(),
    /** Values only of the nodes asked for, in layout order of metrics; truncated: more frames matched than limit. */
    result: z.object({ layout: seriesLayoutSchema, frames: z.array(seriesFrameSchema), truncated: z.boolean() }),
  },
  getRunEvents: {
    args: byId.extend({ ...timeRange, limit: z.number().int().min(1).max(100_000).default(10_000) }).strict(),
    result: z.object({ events: z.array(runEventSchema), truncated: z.boolean() }),
  },
  deleteRun: { args: byId, result: z.object({ deleted: z.boolean() }) },
} as const;

export const runProgressSchema = z.object({
  id: runIdSchema,
  state: z.enum(RUN_STATES),
  simulatedMs: z.number().nonnegative(),
  endMs: z.number().positive(),
  events: z.number().nonnegative(),
  eventsPerSecond: z.number().nonnegative(),
});

export const runEvents = {
  /** Where a run is; at most ten a second per run. */
  runProgress: runProgressSchema,
  /** Frames and events recorded since the last batch (live view; getRunSeries has them all). */
  runRecords: z.object({ id: runIdSchema, frames: z.array(seriesFrameSchema), events: z.array(runEventSchema), droppedEvents: z.number().int().nonnegative() }),
  runFinished: runInfoSchema,
} as const;
