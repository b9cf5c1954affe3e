import { describe, expect, it } from 'vitest';
import { topologySchema, validateTopology, type Topology } from '../../../src-preload/contract/index.js';
import { addLink, addNode, deleteItems, freshNodeId, linkRefusal, linkTypesFor, PALETTE_KINDS } from '../../../src-renderer/src/stores/topology-edits.js';
import { documentStore, opened } from './fake-documents.js';

const doc = (): Topology =>
  topologySchema.parse({
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name: 'Shop' },
    nodes: {
      users: { kind: 'traffic-source', rate: { type: 'constant', rps: 10 } },
      api: { kind: 'app-service', serviceTime: { default: { type: 'exponential', meanMs: 10 } } },
      db: { kind: 'postgres' },
      db2: { kind: 'postgres' },
      bus: { kind: 'kafka' },
      prom: { kind: 'prometheus' },
    },
    links: [
      { type: 'call', from: 'users', to: 'api' },
      { type: 'call', from: 'api', to: 'db' },
    ],
  });

describe('topology edits: ids and nodes', () => {
  it('gives a fresh id: the stem when free, else the first free number from 2', () => {
    const d = doc();
    expect(freshNodeId(d, 'redis')).toBe('redis');
    expect(freshNodeId(d, 'app-service')).toBe('api-2');
    const two = addNode(d, 'app-service', { x: 0, y: 0 }).doc;
    expect(freshNodeId(two, 'app-service')).toBe('api-3');
  });

  it('adds a valid node of every palette kind, with the schema defaults, at the position', () => {
    for (const kind of PALETTE_KINDS) {
      const { doc: d, id } = addNode(doc(), kind, { x: 10.4, y: 20.6 });
      expect(d.nodes[id]).toMatchObject({ kind, position: { x: 10, y: 21 } });
      expect(() => topologySchema.parse(d)).not.toThrow();
    }
    expect(addNode(doc(), 'redis', { x: 0, y: 0 }).doc.nodes['redis']).toMatchObject({ hitRatio: 0.8, maxMemoryMiB: 256 });
  });

  it('deletes nodes with their links, and links by index', () => {
    const d = deleteItems(doc(), ['api']);
    expect(Object.keys(d.nodes)).not.toContain('api');
    expect(d.links).toEqual([]);
    const e = deleteItems(doc(), [], [1]);
    expect(e.links).toHaveLength(1);
    expect(deleteItems(doc(), ['nobody'])).toEqual(doc());
  });
});

describe('topology edits: link validity', () => {
  it('chooses the link type from the kinds, call by default', () => {
    const d = doc();
    expect(linkTypesFor(d, 'api', 'db')[0]).toBe('call');
    expect(linkTypesFor(d, 'api', 'bus')[0]).toBe('publish');
    expect(linkTypesFor(d, 'bus', 'api')[0]).toBe('consume');
    expect(linkTypesFor(d, 'db', 'db2')[0]).toBe('replication');
    expect(linkTypesFor(d, 'prom', 'api')[0]).toBe('scrape');
  });

  it('refuses a call into a traffic source, a link to itself, a duplicate and mismatched types', () => {
    const d = doc();
    expect(linkRefusal(d, 'api', 'users', 'call')).toMatch(/traffic source/);
    expect(linkRefusal(d, 'api', 'api', 'call')).toMatch(/itself/);
    expect(linkRefusal(d, 'api', 'db', 'call')).toMatch(/already/);
    expect(linkRefusal(d, 'api', 'db', 'replication')).toMatch(/PostgreSQL/);
    expect(linkRefusal(d, 'api', 'db', 'scrape')).toMatch(/Prometheus/);
    expect(linkRefusal(d, 'api', 'ghost', 'call')).toMatch(/nodes/);
    expect(linkRefusal(d, 'api', 'db2', 'call')).toBeNull();
  });

  it('adds a link with the schema defaults (publish and consume get a topic)', () => {
    const r = addLink(doc(), 'api', 'bus');
    expect('link' in r && r.link).toMatchObject({ type: 'publish', topic: 'events', probability: 1 });
    const c = addLink(doc(), 'bus', 'api');
    expect('link' in c && c.link).toMatchObject({ type: 'consume', topic: 'events', group: 'api' });
    expect(addLink(doc(), 'api', 'users')).toEqual({ refused: expect.stringMatching(/traffic source/) });
  });
});

describe('edit commands: undo and redo', () => {
  it('undoes and redoes moves, adds, links and deletes; findings and the dirty marker follow', async () => {
    const { s } = documentStore();
    await s().openText('shop.devsim.yaml', 'text');
    const start = s().doc!.document!;
    s().moveNode('db', { x: 32, y: 48 });
    const id = s().addNodeAt('app-service', { x: 100, y: 0 });
    expect(id).toBe('api');
    expect(s().connect(id!, 'cache')).toBe(true);
    expect(s().doc?.document?.links).toHaveLength(1);
    expect(s().doc?.findings).toEqual(validateTopology(s().doc!.document!));
    expect(s().doc).toMatchObject({ dirty: true, revision: 3 });
    expect(s().history.undo.map((c) => c.label)).toEqual(['Move db', `Add ${id}`, `Link ${id} → cache`]);

    s().undo();
    expect(s().doc?.document?.links).toHaveLength(0);
    s().undo();
    expect(s().doc?.document?.nodes[id!]).toBeUndefined();
    s().redo();
    expect(s().doc?.document?.nodes[id!]).toBeDefined();
    expect(s().doc?.document?.links).toHaveLength(0);
    s().deleteSelection([id!]);
    expect(s().history.redo).toEqual([]); // a new edit drops what could be redone
    s().undo();
    s().undo();
    s().undo();
    expect(s().doc?.document).toBe(start);
    s().undo(); // nothing left: no change
    expect(s().doc?.document).toBe(start);
    expect(s().doc?.revision).toBe(10);
  });

  it('clears the dirty marker when undo returns to the saved document, and sets it again on redo', async () => {
    const { s } = documentStore();
    await s().openText('shop.devsim.yaml', 'text');
    s().moveNode('db', { x: 16, y: 16 });
    expect(s().doc?.dirty).toBe(true);
    s().undo();
    expect(s().doc?.dirty).toBe(false);
    s().redo();
    expect(s().doc?.dirty).toBe(true);
    // After a save the saved document is the clean one.
    const { s: t, host } = documentStore();
    host.files.set('/labs/a.devsim.yaml', opened({ path: '/labs/a.devsim.yaml', name: 'a.devsim.yaml' }));
    await t().openPath('/labs/a.devsim.yaml');
    t().editMetadata({ name: 'Renamed' });
    t().moveNode('db', { x: 16, y: 16 });
    await t().save();
    expect(t().doc?.dirty).toBe(false);
    t().undo();
    expect(t().doc).toMatchObject({ dirty: true, document: { metadata: { name: 'Renamed' } } });
    t().redo();
    expect(t().doc?.dirty).toBe(false);
    t().undo();
    t().undo();
    expect(t().doc?.document?.metadata.name).toBe('Shop');
  });

  it('refuses an invalid link with the reason and keeps the document', async () => {
    const { s } = documentStore();
    await s().openText('shop.devsim.yaml', 'text');
    expect(s().connect('db', 'db', 'call')).toBe(false);
    expect(s().editRefusal).toMatch(/itself/);
    expect(s().doc?.revision).toBe(0);
    expect(s().history.undo).toEqual([]);
  });

  it('forgets the history when another document opens', async () => {
    const { s } = documentStore();
    await s().openText('shop.devsim.yaml', 'text');
    s().moveNode('db', { x: 1, y: 2 });
    await s().close();
    await s().openText('other.devsim.yaml', 'text');
    s().undo();
    expect(s().doc?.revision).toBe(0);
  });
});
