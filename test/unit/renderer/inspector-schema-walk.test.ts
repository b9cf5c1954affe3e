import { describe, expect, it } from 'vitest';
import { faultSchema, groupSchema, LINK_TYPES, linkSchema, NODE_KINDS, NODE_SCHEMAS, scenarioSchema } from '../../../src-preload/contract/index.js';
import { allFields, fieldLabel, formOf, type FieldSpec } from '../../../src-renderer/src/features/topology/inspector/schema-walk.js';

const find = (spec: FieldSpec, path: string): FieldSpec | undefined => allFields(spec).find((f) => f.path.join('.') === path);

describe('inspector: the form walked from the contract schema', () => {
  it.each(NODE_KINDS)('gives the %s node a form with no field of an unknown type', (kind) => {
    const form = formOf(NODE_SCHEMAS[kind], ['nodes', 'x']);
    expect(form.kind).toBe('object');
    const fields = allFields(form);
    expect(fields.filter((f) => f.kind === 'unknown').map((f) => f.path.join('.'))).toEqual([]);
    expect(find(form, 'nodes.x.kind')).toMatchObject({ kind: 'fixed', value: kind });
    expect(find(form, 'nodes.x.label')).toMatchObject({ kind: 'text', maxLength: 200, required: false });
  });

  it('gives every link type a variant of the link form with no field of an unknown type', () => {
    const form = formOf(linkSchema, ['links', 0]);
    expect(form.kind).toBe('variants');
    if (form.kind !== 'variants') return;
    expect(form.tag).toBe('type');
    expect(form.variants.map((v) => v.tag)).toEqual([...LINK_TYPES]);
    expect(allFields(form).filter((f) => f.kind === 'unknown')).toEqual([]);
    const call = form.variants.find((v) => v.tag === 'call')!;
    expect(call.fields.find((f) => f.key === 'probability')).toMatchObject({ kind: 'number', min: 0, max: 1, fallback: 1, unit: '0–1' });
    expect(call.fields.find((f) => f.key === 'classes')).toMatchObject({ kind: 'list', item: 'text', required: false });
  });

  it("gives every fault a repeat section (every, times) and the SLO its steady-state window", () => {
    const form = formOf(faultSchema, ['scenario', 'faults', 0]);
    expect(form.kind).toBe('variants');
    if (form.kind !== 'variants') return;
    for (const v of form.variants) {
      const repeat = v.fields.find((f) => f.key === 'repeat');
      expect(repeat, v.tag).toMatchObject({ kind: 'object', required: false });
      if (repeat?.kind !== 'object') continue;
      expect(repeat.fields.map((f) => [f.key, f.kind, f.required])).toEqual([
        ['everyS', 'number', true],
        ['times', 'number', true],
      ]);
    }
    const scenario = formOf(scenarioSchema, ['scenario']);
    expect(find(scenario, 'scenario.slo.steadyStateS')).toMatchObject({ kind: 'number', fallback: 60, max: 86_400 });
  });

  it('gives groups a form: the type as a choice, the cost with its unit', () => {
    const form = formOf(groupSchema, ['groups', 'eu']);
    expect(allFields(form).filter((f) => f.kind === 'unknown')).toEqual([]);
    expect(find(form, 'groups.eu.type')).toMatchObject({ kind: 'choice', options: ['cloud', 'region', 'zone'], required: true });
    expect(find(form, 'groups.eu.instanceHourCost')).toMatchObject({ kind: 'number', unit: '$/h', min: 0, max: 10_000 });
  });

  it('reads units, bounds, defaults and help from the contract', () => {
    const form = formOf(NODE_SCHEMAS['app-service'], ['nodes', 'api']);
    const scaling = find(form, 'nodes.api.scaling');
    expect(scaling).toMatchObject({ kind: 'variants', tag: 'policy', fallback: { policy: 'manual' } });
    expect(find(form, 'nodes.api.scaling.maxReplicas')).toMatchObject({
      kind: 'number',
      integer: true,
      min: 1,
      max: 10_000,
      fallback: 10,
      unit: 'replicas',
      label: 'Max replicas',
      help: 'The autoscaler never goes above this',
    });
    expect(find(form, 'nodes.api.queueCapacity')).toMatchObject({ kind: 'number', nullable: true, fallback: null });
    expect(find(form, 'nodes.api.timeoutMs')).toMatchObject({ kind: 'number', unit: 'ms', label: 'Timeout', minExclusive: true, required: false });
    expect(find(form, 'nodes.api.resources')).toMatchObject({ kind: 'object' });
    expect(find(form, 'nodes.api.resources.cpu')).toMatchObject({ unit: 'cores', label: 'CPU' });
    expect(find(form, 'nodes.api.runtime')).toMatchObject({ kind: 'choice', options: ['node-express', 'node-express-tfjs'], fallback: 'node-express' });
    expect(find(form, 'nodes.api.hotReload')).toMatchObject({ kind: 'boolean', fallback: false });
    expect(find(form, 'nodes.api.command')).toMatchObject({ kind: 'list', item: 'text' });
    // Maps have no fixed fields: they are edited as JSON. Lists of objects get a block of fields per item.
    expect(find(form, 'nodes.api.env')).toMatchObject({ kind: 'json' });
    expect(find(form, 'nodes.api.ports')).toMatchObject({ kind: 'items' });
    expect(find(form, 'nodes.api.ports.0.hostPort')).toMatchObject({ kind: 'number', required: false, min: 1, max: 65535 });
    const samples = allFields(form).find((f) => f.key === 'samplesMs');
    expect(samples).toMatchObject({ kind: 'list', item: 'number' });
  });

  it('labels fields without their unit suffix', () => {
    expect(fieldLabel('scaleDownStabilizationS', 's')).toBe('Scale down stabilization');
    expect(fieldLabel('targetCpuPercent', '%')).toBe('Target CPU');
    expect(fieldLabel('ttlS', 's')).toBe('TTL');
    expect(fieldLabel('rps', 'req/s')).toBe('RPS');
    expect(fieldLabel('timeoutMs')).toBe('Timeout ms');
  });
});
