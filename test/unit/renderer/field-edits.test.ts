import { describe, expect, it } from 'vitest';
import { topologySchema, validateTopology, type Topology } from '../../../src-preload/contract/index.js';
import { setField, unsetField, valueAt } from '../../../src-renderer/src/stores/field-edits.js';
import { documentStore } from './fake-documents.js';

const doc = (): Topology =>
  topologySchema.parse({
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name: 'Shop' },
    groups: { eu: { type: 'region' } },
    nodes: {
      users: { kind: 'traffic-source', rate: { type: 'constant', rps: 10 } },
      api: { kind: 'app-service', serviceTime: { default: { type: 'exponential', meanMs: 10 } }, scaling: { policy: 'hpa', maxReplicas: 20 }, timeoutMs: 500 },
    },
    links: [{ type: 'call', from: 'users', to: 'api' }],
  });

const changed = (r: ReturnType<typeof setField>): Topology => {
  if ('refused' in r) throw new Error(JSON.stringify(r.refused));
  return r.doc;
};

describe('field edits: setField and unsetField', () => {
  it('sets a nested field of a node and leaves everything else as it was', () => {
    const before = doc();
    const after = changed(setField(before, ['nodes', 'api', 'scaling', 'maxReplicas'], 30));
    expect(valueAt(after, ['nodes', 'api', 'scaling', 'maxReplicas'])).toBe(30);
    expect(valueAt(before, ['nodes', 'api', 'scaling', 'maxReplicas'])).toBe(20);
    expect(after.nodes['users']).toBe(before.nodes['users']);
    expect(after.links).toBe(before.links);
  });

  it('refuses a value the schema refuses, naming the field, and gives no new document', () => {
    const before = doc();
    const low = setField(before, ['nodes', 'api', 'scaling', 'maxReplicas'], 0);
    expect(low).toMatchObject({ refused: [{ path: 'nodes.api.scaling.maxReplicas' }] });
    expect('refused' in low && low.refused[0]!.message).toMatch(/>=\s*1/);
    expect(setField(before, ['nodes', 'api', 'replicas'], 'abc')).toMatchObject({ refused: [{ path: 'nodes.api.replicas' }] });
    expect(setField(before, ['nodes', 'api', 'replicas'], 1.5)).toMatchObject({ refused: [{ path: 'nodes.api.replicas' }] });
    expect(setField(before, ['nodes', 'nobody', 'replicas'], 2)).toMatchObject({ refused: [{ path: 'nodes.nobody.replicas' }] });
    expect(before).toEqual(doc());
  });

  it('returns the same document for a value it already has (no command)', () => {
    const before = doc();
    expect(changed(setField(before, ['nodes', 'api', 'replicas'], 1))).toBe(before);
  });

  it('resets a field with a default to its default, and removes an optional one', () => {
    const before = doc();
    const reset = changed(unsetField(before, ['nodes', 'api', 'scaling', 'maxReplicas']));
    expect(valueAt(reset, ['nodes', 'api', 'scaling', 'maxReplicas'])).toBe(10);
    const cleared = changed(unsetField(before, ['nodes', 'api', 'timeoutMs']));
    expect(cleared.nodes['api']).not.toHaveProperty('timeoutMs');
    // A required field cannot be removed.
    expect(unsetField(before, ['nodes', 'users', 'rate'])).toMatchObject({ refused: [{ path: 'nodes.users.rate' }] });
  });

  it('switching a variant fills in the new variant’s defaults', () => {
    const after = changed(setField(doc(), ['nodes', 'api', 'scaling'], { policy: 'predictive' }));
    expect(after.nodes['api']).toMatchObject({ scaling: { policy: 'predictive', bufferS: 300, maxReplicas: 10 } });
  });

  it('edits links by index and groups by id', () => {
    const a = changed(setField(doc(), ['links', 0, 'probability'], 0.5));
    expect(a.links[0]).toMatchObject({ probability: 0.5, from: 'users' });
    expect(setField(doc(), ['links', 0, 'probability'], 2)).toMatchObject({ refused: [{ path: 'links[0].probability' }] });
    const b = changed(setField(doc(), ['groups', 'eu', 'instanceHourCost'], 0.2));
    expect(b.groups['eu']).toEqual({ type: 'region', instanceHourCost: 0.2 });
    const c = changed(setField(doc(), ['nodes', 'users', 'classes', 0, 'weight'], 3));
    expect(c.nodes['users']).toMatchObject({ classes: [{ name: 'default', weight: 3 }] });
  });
});

describe('field edits as commands', () => {
  it('Ctrl+Z undoes a property edit: one command per change, re-validated, dirty marker followed', async () => {
    const { s } = documentStore();
    await s().openText('shop.devsim.yaml', 'text');
    const start = s().doc!.document!;
    expect(s().setField(['nodes', 'cache', 'hitRatio'], 0.95)).toEqual([]);
    expect(s().doc?.document?.nodes['cache']).toMatchObject({ hitRatio: 0.95 });
    expect(s().doc).toMatchObject({ dirty: true });
    expect(s().doc?.findings).toEqual(validateTopology(s().doc!.document!));
    expect(s().history.undo.map((c) => c.label)).toEqual(['Set cache.hitRatio']);
    expect(s().unsetField(['nodes', 'cache', 'hitRatio'])).toEqual([]);
    expect(s().doc?.document?.nodes['cache']).toMatchObject({ hitRatio: 0.8 });
    expect(s().history.undo.map((c) => c.label)).toEqual(['Set cache.hitRatio', 'Reset cache.hitRatio']);
    s().undo();
    expect(s().doc?.document?.nodes['cache']).toMatchObject({ hitRatio: 0.95 });
    s().undo();
    expect(s().doc?.document).toBe(start);
    expect(s().doc?.dirty).toBe(false);
    s().redo();
    expect(s().doc?.document?.nodes['cache']).toMatchObject({ hitRatio: 0.95 });
  });

  it('a refused value is no command and leaves the document alone', async () => {
    const { s } = documentStore();
    await s().openText('shop.devsim.yaml', 'text');
    const start = s().doc!.document!;
    const issues = s().setField(['nodes', 'cache', 'hitRatio'], 7);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('nodes.cache.hitRatio');
    expect(s().doc?.document).toBe(start);
    expect(s().doc?.dirty).toBe(false);
    expect(s().history.undo).toEqual([]);
  });
});
