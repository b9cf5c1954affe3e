// A models row ⇄ a model. The artefact column holds the artefact as JSON without its name
// (a column) and its weights (the BLOB); everything read back is checked with the contract.
import {
  modelArtefactSchema,
  modelSummarySchema,
  storedModelSchema,
  tfjsArtefactSchema,
  weightByteLength,
  type ModelArtefact,
  type ModelSummary,
  type StoredModel,
} from '../../src-preload/contract/index.js';
import type { z } from 'zod';
import { ModelRowError } from './model-row-error.js';

export interface ModelRow {
  id: string;
  name: string;
  version: number;
  created_at: string;
  artefact: string;
  weight_bytes: number;
}

export interface ModelRowWithWeights extends ModelRow {
  weights: Buffer | null;
}

/** The artefact as its JSON column keeps it. */
const storedArtefactSchema = modelArtefactSchema
  .omit({ name: true })
  .extend({ tfjs: tfjsArtefactSchema.omit({ weightsBase64: true }).optional() });
type StoredArtefact = z.infer<typeof storedArtefactSchema>;

export function encodeArtefact(artefact: ModelArtefact): { json: string; weights: Buffer | null } {
  const { name: _name, tfjs, ...rest } = artefact;
  if (!tfjs) return { json: JSON.stringify(rest), weights: null };
  const { weightsBase64, ...layout } = tfjs;
  return { json: JSON.stringify({ ...rest, tfjs: layout }), weights: Buffer.from(weightsBase64, 'base64') };
}

/** Everything but the weights (which are not read for a list). */
export function decodeSummary(row: ModelRow, file: string): ModelSummary {
  const { tfjs: _tfjs, trees: _trees, ...rest } = parseArtefact(row, file);
  return checked(row, file, modelSummarySchema, { ...rest, ...identity(row), weightBytes: row.weight_bytes });
}

/** The whole model, weights back as base64 (bit for bit what was saved). */
export function decodeModel(row: ModelRowWithWeights, file: string): StoredModel {
  const { tfjs, ...rest } = parseArtefact(row, file);
  const fail = (detail: string): never => {
    throw new ModelRowError(row.id, row.name, row.version, 'weights', detail, file);
  };
  if (!tfjs) return checked(row, file, storedModelSchema, { ...rest, ...identity(row) });
  if (row.weights === null) fail('the weights are missing');
  const weights = row.weights!;
  const expected = weightByteLength(tfjs.weightSpecs);
  if (weights.byteLength !== expected) fail(`${weights.byteLength} bytes where the weight specs need ${expected}`);
  const model = { ...rest, tfjs: { ...tfjs, weightsBase64: weights.toString('base64') }, ...identity(row) };
  return checked(row, file, storedModelSchema, model);
}

const identity = (row: ModelRow) => ({ id: row.id, name: row.name, version: row.version, createdAt: row.created_at });

function parseArtefact(row: ModelRow, file: string): StoredArtefact {
  let json: unknown;
  try {
    json = JSON.parse(row.artefact);
  } catch (err) {
    throw new ModelRowError(row.id, row.name, row.version, 'artefact', `not JSON (${(err as Error).message})`, file);
  }
  return checked(row, file, storedArtefactSchema, json, 'artefact');
}

function checked<S extends z.ZodType>(row: ModelRow, file: string, schema: S, value: unknown, root?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [root, ...issue.path.map(String)].filter(Boolean).join('.') || (root ?? 'row');
  throw new ModelRowError(row.id, row.name, row.version, field, issue.message, file);
}
