import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { topologyJsonSchema } from '../../../src-preload/contract/topology/index.js';

const root = resolve(import.meta.dirname, '../../..');
const shipped = JSON.parse(readFileSync(resolve(root, 'resources/schema/topology.schema.json'), 'utf8')) as Record<string, unknown>;
const template = (name: string): unknown => parse(readFileSync(resolve(root, `resources/templates/${name}.devsim.yaml`), 'utf8'));

describe('the JSON Schema shipped for editors', () => {
  it('is the one generated from the zod schema (run `npm run schema` after changing it)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(topologyJsonSchema())));
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(shipped);

  it.each(['production', 'development', 'experimental'])('accepts the %s template', (name) => {
    expect(validate(template(name)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects what the schema rejects: an unknown node kind and a wrong type', () => {
    const doc = template('development') as { nodes: Record<string, Record<string, unknown>> };
    doc.nodes.api!.kind = 'mainframe';
    expect(validate(doc)).toBe(false);
    const other = template('development') as { nodes: Record<string, Record<string, unknown>> };
    other.nodes.api!.replicas = 'three';
    expect(validate(other)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/nodes/api/replicas')).toBe(true);
  });
});
