import { z } from 'zod';
import { documentPathSchema } from './paths.js';

/**
 * A trained model as the ML lab keeps it: what it does, how it was made, how well it did,
 * and its weights. The same shape travels through the contract, sits in SQLite and is
 * exported as files; `tfjs` is TensorFlow.js's own artefact (model.json topology, weight
 * specs, one weights buffer) so export and import as tfjs files need no translation.
 */

/** What a model is for. */
export const modelPurposeSchema = z.enum(['anomaly-detector', 'forecaster', 'autoscaler-policy']);
export type ModelPurpose = z.infer<typeof modelPurposeSchema>;

/** How it computes: neural networks carry `tfjs`; baselines carry only `parameters`; trees carry `trees`. */
export const modelArchitectureSchema = z.enum([
  'lstm-predictor',
  'lstm-autoencoder',
  'rolling-zscore',
  'lstm-forecaster',
  'tcn-forecaster',
  'seasonal-naive',
  'gradient-boosted-trees',
  'mlp-policy',
]);
export type ModelArchitecture = z.infer<typeof modelArchitectureSchema>;

/** Inputs are scaled as (x - offset) / scale before the model sees them, outputs scaled back. */
export const normalisationSchema = z
  .object({
    method: z.enum(['zscore', 'minmax', 'none']),
    offset: z.number().finite(),
    scale: z.number().finite().positive(),
  })
  .strict();
export type Normalisation = z.infer<typeof normalisationSchema>;

const timeSpanSchema = z
  .object({ fromMs: z.number().finite(), toMs: z.number().finite(), count: z.number().int().nonnegative() })
  .strict();

/** Where the training data came from, so a model can always say what it learned from. */
export const datasetInfoSchema = z
  .object({
    source: z.enum(['run', 'csv']),
    /** The run it was cut from (source run) or the file name (source csv). */
    origin: z.string().min(1).max(500),
    /** Series picked, e.g. "api/latencyP95Ms" or "value" for a CSV. */
    series: z.array(z.string().min(1).max(200)).min(1).max(64),
    window: z.number().int().positive().max(10_000),
    horizon: z.number().int().nonnegative().max(10_000),
    stepMs: z.number().positive(),
    train: timeSpanSchema,
    validation: timeSpanSchema,
    test: timeSpanSchema,
    /** Points labelled anomalous (from the kernel's faults and alerts); 0 for unlabelled data. */
    anomalousPoints: z.number().int().nonnegative(),
  })
  .strict();
export type DatasetInfo = z.infer<typeof datasetInfoSchema>;

/** Figures from held-out data: f1, precision, recall, delaySteps, mae, mape, mase, ... */
export const evaluationSchema = z.record(z.string().min(1).max(60), z.number().finite());
export type Evaluation = z.infer<typeof evaluationSchema>;

export const weightSpecSchema = z
  .object({ name: z.string().min(1).max(300), shape: z.array(z.number().int().nonnegative()).max(8), dtype: z.literal('float32') })
  .strict();
export type WeightSpec = z.infer<typeof weightSpecSchema>;

/** Weight budget: the shipped models are small; this refuses a runaway file, not a real model. */
export const MAX_WEIGHT_BYTES = 64 * 1024 * 1024;

export const tfjsArtefactSchema = z
  .object({
    /** tf.LayersModel topology (model.json's modelTopology), checked by tfjs when loaded. */
    modelTopology: z.record(z.string(), z.unknown()),
    weightSpecs: z.array(weightSpecSchema).max(1000),
    /** All weights, float32 little-endian, in weightSpecs order, as base64. */
    weightsBase64: z.string().max(Math.ceil((MAX_WEIGHT_BYTES * 4) / 3) + 4),
  })
  .strict();
export type TfjsArtefact = z.infer<typeof tfjsArtefactSchema>;

/** Bytes the weights of these specs take: float32, 4 bytes per value. */
export const weightByteLength = (specs: readonly WeightSpec[]): number =>
  specs.reduce((sum, spec) => sum + 4 * spec.shape.reduce((n, d) => n * d, 1), 0);

/** Gradient-boosted regression trees, flattened: node i splits on feature[i] <= threshold[i]; leaves have feature -1. */
export const treeSchema = z
  .object({
    feature: z.array(z.number().int().min(-1)),
    threshold: z.array(z.number().finite()),
    left: z.array(z.number().int().min(-1)),
    right: z.array(z.number().int().min(-1)),
    value: z.array(z.number().finite()),
  })
  .strict();
export const treeEnsembleSchema = z
  .object({ base: z.number().finite(), learningRate: z.number().positive(), trees: z.array(treeSchema).max(5000) })
  .strict();
export type TreeEnsemble = z.infer<typeof treeEnsembleSchema>;

/** The current artefact format; a file from another format version is refused with its number. */
export const MODEL_FORMAT_VERSION = 1;

export const modelArtefactSchema = z
  .object({
    format: z.literal('devsim-model'),
    // The message names the version found, so an old or newer file says what it is.
    formatVersion: z.literal(MODEL_FORMAT_VERSION, {
      error: (issue) => `this app reads model format version ${MODEL_FORMAT_VERSION}; the model is format version ${JSON.stringify(issue.input)}`,
    }),
    name: z.string().min(1).max(200),
    purpose: modelPurposeSchema,
    architecture: modelArchitectureSchema,
    /** Points of history one prediction reads. */
    window: z.number().int().positive().max(10_000),
    /** Steps ahead (forecasters); 0 for detectors that score the current point. */
    horizon: z.number().int().nonnegative().max(10_000),
    normalisation: normalisationSchema,
    /** Anomaly score above which a point is anomalous (detectors), chosen on validation data. */
    threshold: z.number().min(0).max(1).optional(),
    /** Hyperparameters and baseline parameters (units, epochs, season length, z limit, ...). */
    parameters: z.record(z.string().min(1).max(60), z.number().finite()),
    dataset: datasetInfoSchema,
    evaluation: evaluationSchema,
    tfjs: tfjsArtefactSchema.optional(),
    trees: treeEnsembleSchema.optional(),
  })
  .strict();
export type ModelArtefact = z.infer<typeof modelArtefactSchema>;

/** A model in the store: the artefact plus its identity. Saving the same name again makes a new version. */
export const storedModelSchema = modelArtefactSchema.extend({
  id: z.string().min(1).max(100),
  version: z.number().int().positive(),
  createdAt: z.string(), // ISO 8601
});
export type StoredModel = z.infer<typeof storedModelSchema>;

/** What a models list shows: everything but the weights. */
export const modelSummarySchema = storedModelSchema.omit({ tfjs: true, trees: true }).extend({
  weightBytes: z.number().int().nonnegative(),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;

/** A stored model's id, as the store makes them. */
export const modelIdSchema = z.string().regex(/^model-[0-9a-z-]{1,64}$/, { message: 'a model id like model-…' });
const modelNameSchema = modelArtefactSchema.shape.name;

/** A stored model whose row could not be read back: listed apart so the rest still load. */
export const damagedModelSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  /** The damaged part, e.g. "artefact.dataset.window" or "weights". */
  field: z.string(),
  message: z.string(),
});
export type DamagedModel = z.infer<typeof damagedModelSchema>;

export const modelListSchema = z.object({ models: z.array(modelSummarySchema), damaged: z.array(damagedModelSchema) });
export type ModelList = z.infer<typeof modelListSchema>;

/** The most a model.json may hold: topology, weight specs and the devsim metadata (trees included). */
export const MAX_MODEL_JSON_CHARS = 16 * 1024 * 1024;

/**
 * A model as TensorFlow.js files: model.json's text (tfjs layers-model format, the devsim
 * artefact in userDefinedMetadata.devsim) and weights.bin's bytes as base64 ("" for none).
 */
export const modelFilesSchema = z
  .object({
    modelJson: z.string().min(1).max(MAX_MODEL_JSON_CHARS),
    weightsBase64: tfjsArtefactSchema.shape.weightsBase64,
  })
  .strict();
export type ModelFiles = z.infer<typeof modelFilesSchema>;

const byModelId = z.object({ id: modelIdSchema }).strict();

export const mlModelMethods = {
  /** Summaries (no weights), newest first; rows that cannot be read back are listed under damaged. */
  listModels: { args: z.object({ purpose: modelPurposeSchema.optional() }).strict().optional(), result: modelListSchema },
  /** One model with its weights: by id, or the latest version of a name. */
  getModel: { args: z.union([byModelId, z.object({ name: modelNameSchema }).strict()]), result: storedModelSchema },
  /** Stores a model; a name already stored gets the next version. */
  saveModel: { args: z.object({ artefact: modelArtefactSchema }).strict(), result: modelSummarySchema },
  deleteModel: { args: byModelId, result: z.object({ deleted: z.boolean() }) },
  /**
   * As tfjs files. With an absolute path (desktop, from the Save dialog) writes the folder
   * path/ with model.json and weights.bin; without one returns the files for a download.
   */
  exportModelFiles: {
    args: byModelId.extend({ path: documentPathSchema.optional() }).strict(),
    result: z.object({ written: z.array(z.string()), files: modelFilesSchema.optional() }),
  },
  /** tfjs files exported by this app, checked and stored as a new version of their name. */
  importModelFiles: { args: modelFilesSchema, result: modelSummarySchema },
} as const;
