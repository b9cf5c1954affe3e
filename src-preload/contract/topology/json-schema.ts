import { z } from 'zod';
import { API_VERSION, topologySchema } from './document.js';

/**
 * The document's JSON Schema, generated from the zod schema so the two cannot disagree.
 * It describes the input (defaults are optional), which is what editors check files against.
 */
export function topologyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(topologySchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12', reused: 'ref' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://devsim.io/schema/${API_VERSION.split('/')[1]}/topology.schema.json`,
    title: 'DevOps Simulator topology document',
    description: `A *.devsim.yaml file: apiVersion ${API_VERSION}, kind Topology.`,
  };
}
