// The messages between the ML lab and its TensorFlow.js worker: one discriminated union each
// way, parsed on arrival on both sides, so a malformed message is an error naming the field.
import { z } from 'zod';
import { modelArtefactSchema } from '../../../src-preload/contract/index.js';

const jobId = z.string().min(1).max(100);

/** What the person picks: the model's job, window and horizon in points, the split by time as fractions. */
export const trainSpecSchema = z
  .object({
    purpose: z.enum(['forecaster', 'anomaly-detector']),
    window: z.number().int().min(2).max(1000),
    horizon: z.number().int().min(1).max(1000),
    normalisation: z.enum(['zscore', 'minmax', 'none']),
    trainFraction: z.number().gt(0).lt(1),
    validationFraction: z.number().gt(0).lt(1),
    epochs: z.number().int().min(1).max(1000),
    /** Epochs without a better validation loss before training stops (the best epoch is kept). */
    patience: z.number().int().min(1).max(1000),
    units: z.number().int().min(1).max(256),
    batchSize: z.number().int().min(1).max(4096),
  })
  .strict()
  .refine((s) => s.trainFraction + s.validationFraction < 1, {
    message: 'train and validation fractions must leave a test part (their sum must be under 1)',
    path: ['validationFraction'],
  })
  .refine((s) => s.purpose !== 'anomaly-detector' || s.horizon === 1, {
    message: 'an anomaly detector predicts the next point: its horizon is 1',
    path: ['horizon'],
  });
export type TrainSpec = z.infer<typeof trainSpecSchema>;

/** One series, gaps already filled: from a run (0/1 labels from the faults and alerts the kernel recorded) or a CSV file (unlabelled, all 0). */
export const seriesSchema = z
  .object({
    source: z.enum(['run', 'csv']),
    /** "node/metric" for a run, the file name for a CSV. */
    name: z.string().min(1).max(200),
    /** The run id or the file name. */
    origin: z.string().min(1).max(500),
    stepMs: z.number().positive(),
    timesMs: z.array(z.number().finite()).min(1).max(2_000_000),
    values: z.array(z.number().finite()).min(1).max(2_000_000),
    labels: z.array(z.union([z.literal(0), z.literal(1)])).max(2_000_000),
  })
  .strict()
  .refine((s) => s.timesMs.length === s.values.length && s.labels.length === s.values.length, {
    message: 'timesMs, values and labels must have one entry per point',
    path: ['values'],
  });
export type SeriesInput = z.infer<typeof seriesSchema>;

/** Windows of raw values (the series' own units), as many as one call may carry. */
const windows = z.array(z.array(z.number().finite()).max(1000)).min(1).max(10_000);

export const workerRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('train'), id: jobId, series: seriesSchema, spec: trainSpecSchema }).strict(),
  z.object({ type: z.literal('cancel'), id: jobId }).strict(),
  /** Predictions of the last trained model, one per window of raw (unnormalised) values. */
  z.object({ type: z.literal('predict'), id: jobId, windows }).strict(),
  /** Anomaly scores in [0, 1] by the last trained detector: actual[k] is the point that followed windows[k]. */
  z
    .object({ type: z.literal('score'), id: jobId, windows, actual: z.array(z.number().finite()).max(10_000) })
    .strict()
    .refine((r) => r.actual.length === r.windows.length, { message: 'one actual value per window', path: ['actual'] }),
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

const lossValue = z.number().finite().nonnegative();

export const epochSchema = z.object({ epoch: z.number().int().positive(), loss: lossValue, valLoss: lossValue.nullable(), elapsedMs: z.number().nonnegative() }).strict();
export type EpochFigures = z.infer<typeof epochSchema>;

/** What a finished training reports: the windows it used, how fitting went, and figures on the held-out test part. */
export const trainedSchema = z
  .object({
    windows: z.object({ train: z.number().int().nonnegative(), validation: z.number().int().nonnegative(), test: z.number().int().nonnegative() }).strict(),
    epochsRun: z.number().int().nonnegative(),
    bestEpoch: z.number().int().nonnegative(),
    stoppedEarly: z.boolean(),
    evaluation: z.record(z.string(), z.number().finite()),
    elapsedMs: z.number().nonnegative(),
    /** The held-out test part point by point: what happened, what the model said, and (detectors) what it flagged. */
    test: z
      .object({
        timesMs: z.array(z.number().finite()).max(2_000_000),
        actual: z.array(z.number().finite()).max(2_000_000),
        predicted: z.array(z.number().finite()).max(2_000_000),
        labels: z.array(z.union([z.literal(0), z.literal(1)])).max(2_000_000),
        flagged: z.array(z.union([z.literal(0), z.literal(1)])).max(2_000_000).nullable(),
      })
      .strict(),
  })
  .strict();
export type TrainedFigures = z.infer<typeof trainedSchema>;

export const workerReplySchema = z.discriminatedUnion('type', [
  /** The backend in use and why each faster one was passed over. */
  z.object({ type: z.literal('backend'), backend: z.enum(['wasm', 'cpu']), fallbacks: z.array(z.string()) }).strict(),
  z.object({ type: z.literal('backend-failed'), message: z.string() }).strict(),
  z.object({ type: z.literal('progress'), id: jobId, epochs: z.number().int().positive(), figures: epochSchema }).strict(),
  /** The model as the contract stores it (weights included), ready for saveModel. */
  z.object({ type: z.literal('trained'), id: jobId, result: trainedSchema, artefact: modelArtefactSchema }).strict(),
  z.object({ type: z.literal('cancelled'), id: jobId, epochsDone: z.number().int().nonnegative() }).strict(),
  z.object({ type: z.literal('predicted'), id: jobId, values: z.array(z.number()) }).strict(),
  z.object({ type: z.literal('scored'), id: jobId, scores: z.array(z.number().min(0).max(1)) }).strict(),
  /** A job that could not be done; id null when the request was too malformed to carry one. */
  z.object({ type: z.literal('failed'), id: jobId.nullable(), message: z.string() }).strict(),
]);
export type WorkerReply = z.infer<typeof workerReplySchema>;

/** "at spec.window: Too small…" for the first problem, so the message names the place. */
function describe(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `${what}${where}: ${issue?.message ?? 'not understood'}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseRequest(data: unknown): Parsed<WorkerRequest> {
  const got = workerRequestSchema.safeParse(data);
  return got.success ? { ok: true, value: got.data } : { ok: false, message: describe(got.error, 'A malformed request to the ML worker') };
}

export function parseReply(data: unknown): Parsed<WorkerReply> {
  const got = workerReplySchema.safeParse(data);
  return got.success ? { ok: true, value: got.data } : { ok: false, message: describe(got.error, 'A malformed reply from the ML worker') };
}

/** The request's id when it has a usable one, so even a refused request is answered to its sender. */
export function requestId(data: unknown): string | null {
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : null;
}
