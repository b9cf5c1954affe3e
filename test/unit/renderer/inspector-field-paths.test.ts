import { describe, expect, it } from 'vitest';
import { formatPath, NODE_SCHEMAS, linkSchema, topologySchema } from '../../../src-preload/contract/index.js';
import { currentVariant, fieldForPath, parsePath, targetOfPath, targetPath, visibleFieldPaths } from '../../../src-renderer/src/features/topology/inspector/field-paths.js';
import { formOf, starterValue } from '../../../src-renderer/src/features/topology/inspector/schema-walk.js';
import { referenceChoices } from '../../../src-renderer/src/features/topology/inspector/references.js';
import { parseNumber } from '../../../src-renderer/src/features/topology/inspector/value-text.js';

const doc = topologySchema.parse({
  apiVersion: 'devsim.io/v1',
  kind: 'Topology',
  metadata: { name: 'Shop' },
  nodes: { api: { kind: 'app-service', serviceTime: { default: { type: 'exponential', meanMs: 10 } }, scaling: { policy: 'hpa' }, ports: [{ port: 80, hostPort: 8080 }] } },
});

describe('inspector: a finding path → the field that shows it', () => {
  it('reads formatted paths back, quoted keys and indexes included', () => {
    for (const path of [['nodes', 'api', 'scaling', 'maxReplicas'], ['links', 3, 'to'], ['nodes', 'a b', 'x'], ['nodes', 'api', 'serviceTime', 'classes', 'write']]) {
      expect(parsePath(formatPath(path))).toEqual(path);
    }
    expect(parsePath('')).toEqual([]);
    expect(parsePath('.oops')).toBeNull();
  });

  it('names the node, link, group or section a path is in; the metadata (its own panel) names none', () => {
    expect(targetOfPath('nodes.api.scaling.minReplicas')).toEqual({ type: 'node', id: 'api' });
    expect(targetOfPath('links[2].classes[0]')).toEqual({ type: 'link', index: 2 });
    expect(targetOfPath('groups.eu.parent')).toEqual({ type: 'group', id: 'eu' });
    expect(targetOfPath('scenario.deployments[0].target')).toEqual({ type: 'section', section: 'scenario' });
    expect(targetOfPath('settings.monitoring')).toEqual({ type: 'section', section: 'settings' });
    expect(targetPath({ type: 'section', section: 'scenario' })).toEqual(['scenario']);
    expect(targetOfPath('metadata.name')).toBeNull();
    expect(targetOfPath('')).toBeNull();
  });

  it('picks the deepest shown field that is the path or holds it', () => {
    const form = formOf(NODE_SCHEMAS['app-service'], ['nodes', 'api']);
    const shown = visibleFieldPaths(form, doc.nodes['api']);
    expect(shown).toContain('nodes.api.scaling.minReplicas'); // the hpa variant's fields are shown
    expect(shown).not.toContain('nodes.api.scaling.bufferS'); // the predictive variant's are not
    expect(fieldForPath(shown, 'nodes.api.scaling.minReplicas')).toBe('nodes.api.scaling.minReplicas');
    expect(fieldForPath(shown, 'nodes.api.ports[0].hostPort')).toBe('nodes.api.ports[0].hostPort'); // each item of a list of objects has its fields
    expect(fieldForPath(shown, 'nodes.api.serviceTime.classes.write')).toBe('nodes.api.serviceTime.classes');
    expect(fieldForPath(shown, 'nodes.api')).toBe('nodes.api');
    expect(fieldForPath(shown, 'nodes.apiary.replicas')).toBeNull(); // a prefix of a name is not a parent
    expect(fieldForPath(shown, 'links[0].to')).toBeNull();
  });

  it('shows the variant a tagged value is, and starts a new variant from what fits of the old one', () => {
    const form = formOf(linkSchema, ['links', 0]);
    if (form.kind !== 'variants') throw new Error('links are variants by type');
    expect(currentVariant(form, { type: 'scrape' }).tag).toBe('scrape');
    const call = { type: 'call', from: 'a', to: 'b', latencyMs: 2, probability: 0.5 };
    expect(starterValue(form, 'publish', call)).toEqual({ type: 'publish', from: 'a', to: 'b', latencyMs: 2, probability: 0.5, topic: 'topic' });
    expect(linkSchema.safeParse(starterValue(form, 'consume', call)).success).toBe(true);
  });

  it('says what is wrong with a typed number before the document is touched', () => {
    const form = formOf(NODE_SCHEMAS['app-service'], ['nodes', 'api']);
    const spec = form.kind === 'object' ? form.fields.find((f) => f.key === 'replicas') : undefined;
    if (spec?.kind !== 'number') throw new Error('replicas is a number');
    expect(parseNumber('abc', spec)).toEqual({ error: '"abc" is not a number.' });
    expect(parseNumber('1.5', spec)).toEqual({ error: 'Enter a whole number.' });
    expect(parseNumber('-1', spec)).toEqual({ error: 'Must be at least 0 replicas.' });
    expect(parseNumber('20000', spec)).toEqual({ error: 'Must be at most 10000 replicas.' });
    expect(parseNumber(' 4 ', spec)).toEqual({ value: 4 });
    expect(parseNumber('', spec)).toEqual({ unset: true }); // back to the default
  });
});

describe('inspector: reference fields are choices of the ids they may name', () => {
  const d = topologySchema.parse({
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name: 'Refs' },
    groups: { aws: { type: 'cloud' }, east: { type: 'region', parent: 'aws' } },
    nodes: { db: { kind: 'postgres' }, db2: { kind: 'postgres', topology: { mode: 'replica', primary: 'db' } }, cache: { kind: 'redis' } },
  });

  it('offers groups for a node, other groups for a group, nodes for a link, other databases for a replica', () => {
    expect(referenceChoices(d, ['nodes', 'cache', 'group'])).toEqual(['aws', 'east']);
    expect(referenceChoices(d, ['groups', 'east', 'parent'])).toEqual(['aws']);
    expect(referenceChoices(d, ['links', 0, 'to'])).toEqual(['db', 'db2', 'cache']);
    expect(referenceChoices(d, ['nodes', 'db2', 'topology', 'primary'])).toEqual(['db']);
    expect(referenceChoices(d, ['nodes', 'cache', 'version'])).toBeNull();
    // A planned deployment names a node; a planned fault a node or a group (a region-wide fault).
    expect(referenceChoices(d, ['scenario', 'deployments', 0, 'target'])).toEqual(['db', 'db2', 'cache']);
    expect(referenceChoices(d, ['scenario', 'faults', 1, 'target'])).toEqual(['db', 'db2', 'cache', 'aws', 'east']);
    expect(referenceChoices(d, ['scenario', 'faults', 1, 'durationS'])).toBeNull();
  });
});
