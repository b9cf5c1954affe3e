import { z } from 'zod';

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
    formatVersion: z.literal(MODEL_FORMAT_VERSION),
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
