import { describe, expect, it } from 'vitest';
import { topologySchema, validateTopology, type Topology } from '../../../src-preload/contract/index.js';
import { renameGroup, renameNode } from '../../../src-renderer/src/stores/rename-edits.js';

const doc = (): Topology =>
  topologySchema.parse({
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name: 'Shop' },
    groups: { aws: { type: 'cloud' }, east: { type: 'region', parent: 'aws' } },
    nodes: {
      users: { kind: 'traffic-source', rate: { type: 'constant', rps: 10 } },
      api: { kind: 'app-service', group: 'east', serviceTime: { default: { type: 'exponential', meanMs: 10 } } },
      db: { kind: 'postgres', group: 'east' },
      replica: { kind: 'postgres', topology: { mode: 'replica', primary: 'db' } },
    },
    links: [
      { type: 'call', from: 'users', to: 'api' },
      { type: 'call', from: 'api', to: 'db' },
      { type: 'replication', from: 'db', to: 'replica' },
    ],
    scenario: { faults: [{ type: 'db-primary-failure', at: 60, target: 'db' }, { type: 'region-outage', at: 90, target: 'east' }] },
    settings: { monitoring: { alertRules: [{ name: 'DbDown', target: 'db', metric: 'up', op: '<', threshold: 1 }] }, multiCloud: { primaryRegion: 'east' } },
  });

const ok = (r: ReturnType<typeof renameNode>): Topology => {
  if ('refused' in r) throw new Error(r.refused);
  return r.doc;
};

describe('rename: ids change and everything naming them follows', () => {
  it('renames a node: links, a replica’s primary, faults and alert rules follow; the order of nodes stays', () => {
    const before = doc();
    const after = ok(renameNode(before, 'db', 'orders-db'));
    expect(Object.keys(after.nodes)).toEqual(['users', 'api', 'orders-db', 'replica']);
    expect(after.links.map((l) => `${l.from}>${l.to}`)).toEqual(['users>api', 'api>orders-db', 'orders-db>replica']);
    expect(after.nodes['replica']).toMatchObject({ topology: { mode: 'replica', primary: 'orders-db' } });
    expect(after.scenario.faults[0]).toMatchObject({ target: 'orders-db' });
    expect(after.settings.monitoring.alertRules[0]).toMatchObject({ target: 'orders-db' });
    expect(() => topologySchema.parse(after)).not.toThrow();
    expect(validateTopology(after)).toEqual(validateTopology(before).map((f) => ({ ...f, path: f.path.replace('nodes.db', 'nodes.orders-db'), message: f.message.replaceAll('"db"', '"orders-db"') })));
  });

  it('renames a group: members, child groups, region-wide faults and the primary region follow', () => {
    const after = ok(renameGroup(doc(), 'east', 'us-east-1'));
    expect(Object.keys(after.groups)).toEqual(['aws', 'us-east-1']);
    expect(after.nodes['api']).toMatchObject({ group: 'us-east-1' });
    expect(after.scenario.faults[1]).toMatchObject({ target: 'us-east-1' });
    expect(after.settings.multiCloud.primaryRegion).toBe('us-east-1');
    const parent = ok(renameGroup(doc(), 'aws', 'amazon'));
    expect(parent.groups['east']).toMatchObject({ parent: 'amazon' });
  });

  it('refuses a malformed or taken id, naming why', () => {
    expect(renameNode(doc(), 'db', 'Orders DB')).toMatchObject({ refused: expect.stringContaining('is not an id') });
    expect(renameNode(doc(), 'db', 'api')).toEqual({ refused: '"api" is already the id of a node.' });
    expect(renameNode(doc(), 'db', 'east')).toEqual({ refused: '"east" is already the id of a group.' });
    expect(renameGroup(doc(), 'nowhere', 'x')).toEqual({ refused: 'There is no group "nowhere".' });
    const same = doc();
    expect(ok(renameNode(same, 'db', 'db'))).toBe(same);
  });
});
