import { describe, expect, it } from 'vitest';
import { groupSchema, linkSchema, NODE_KINDS, NODE_SCHEMAS, topologyJsonSchema } from '../../../src-preload/contract/index.js';
import { allFields, formOf, type FieldSpec } from '../../../src-renderer/src/features/topology/inspector/schema-walk.js';

/** Fields a person edits: not the kind/type tags, not canvas positions (dragged, not typed). */
const edited = (spec: FieldSpec): FieldSpec[] =>
  allFields(spec).filter(
    (f) => f.kind !== 'fixed' && !f.path.includes('position') && f.path.length > 2 && !/^(x|y|width|height)$/.test(f.key) && typeof f.path.at(-1) !== 'number', // an item of a list: its list has the help
  );

const forms = [
  ...NODE_KINDS.map((kind) => [`node ${kind}`, formOf(NODE_SCHEMAS[kind], ['nodes', 'n'])] as const),
  ['links', formOf(linkSchema, ['links', 0])] as const,
  ['groups', formOf(groupSchema, ['groups', 'g'])] as const,
];

describe('field metadata in the contract', () => {
  it.each(forms)('every field of %s that a person edits has help text', (_name, form) => {
    expect(edited(form).filter((f) => f.help === undefined && f.kind !== 'variants').map((f) => f.path.join('.'))).toEqual([]);
  });

  it.each(forms)('every number of %s named by a unit (…Ms, …S, …Percent, …MiB, …GiB, …Days, …Rps) says its unit', (_name, form) => {
    const named = edited(form).filter((f) => f.kind === 'number' && /(Ms|S|Percent|MiB|GiB|Days|Rps)$/.test(f.key));
    expect(named.filter((f) => f.unit === undefined).map((f) => f.path.join('.'))).toEqual([]);
  });

  it('carries help and units into the published JSON Schema', () => {
    const text = JSON.stringify(topologyJsonSchema());
    expect(text).toContain('"description":"The autoscaler never goes above this","unit":"replicas"');
    expect(text).toContain('"unit":"$/h"');
  });
});
