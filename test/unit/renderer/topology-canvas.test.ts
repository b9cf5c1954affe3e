import { describe, expect, it } from 'vitest';
import { topologySchema, type Topology, type TopologyInput } from '../../../src-preload/contract/index.js';
import { documentPosition, FRAME_PAD, FRAME_TITLE, frameId, toFlow } from '../../../src-renderer/src/features/topology/canvas/flow-model.js';
import { BAND_GAP, callDepths, COLUMN, groupOrder, layoutPositions, ROW } from '../../../src-renderer/src/features/topology/canvas/layout.js';
import { documentStore } from './fake-documents.js';

const image = 'busybox:latest';
const station = { image, serviceTime: { default: { type: 'exponential', meanMs: 10 } } };
const doc = (over: Partial<TopologyInput> = {}): Topology =>
  topologySchema.parse({
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name: 'Shop' },
    groups: { aws: { type: 'cloud' }, east: { type: 'region', parent: 'aws', label: 'US East' } },
    nodes: {
      users: { kind: 'traffic-source', rate: { type: 'constant', rps: 10 } },
      lb: { kind: 'load-balancer', group: 'east' },
      api: { kind: 'container', group: 'east', ...station },
      db: { kind: 'postgres', group: 'east', image: 'postgres:16' },
      prom: { kind: 'prometheus', position: { x: 1000, y: -200 } },
      lost: { kind: 'redis', image: 'redis:7' },
    },
    links: [
      { type: 'call', from: 'users', to: 'lb' },
      { type: 'call', from: 'lb', to: 'api' },
      { type: 'call', from: 'api', to: 'db' },
      { type: 'replication', from: 'db', to: 'db' },
      { type: 'scrape', from: 'prom', to: 'api' },
      { type: 'call', from: 'api', to: 'ghost' },
    ],
    ...over,
  });

describe('canvas layout', () => {
  it('puts traffic sources at depth 0 and each call one column deeper; unreached nodes after the deepest', () => {
    const d = callDepths(doc());
    expect(Object.fromEntries(d)).toEqual({ users: 0, lb: 1, api: 2, db: 3, prom: 4, lost: 4 });
  });

  it('orders groups as a tree: each cloud, then its regions', () => {
    expect(groupOrder(doc({ groups: { east: { type: 'region', parent: 'aws' }, aws: { type: 'cloud' } } }))).toEqual(['aws', 'east']);
  });

  it('keeps stored positions, lays out the rest by depth, and gives each group its own band', () => {
    const at = layoutPositions(doc());
    expect(at.get('prom')).toEqual({ x: 1000, y: -200 });
    expect(at.get('users')).toEqual({ x: 0, y: 0 });
    expect(at.get('lost')).toEqual({ x: 4 * COLUMN, y: 0 });
    // Ungrouped band holds one row; the region's band starts below it.
    expect(at.get('lb')).toEqual({ x: COLUMN, y: ROW + BAND_GAP });
    expect(at.get('db')).toEqual({ x: 3 * COLUMN, y: ROW + BAND_GAP });
  });

  it('is deterministic', () => {
    expect([...layoutPositions(doc())]).toEqual([...layoutPositions(doc())]);
  });
});

describe('document → flow', () => {
  it('has one node per document node and a frame per used group, parents before children', () => {
    const { nodes } = toFlow(doc());
    expect(nodes.filter((n) => n.type === 'device')).toHaveLength(6);
    expect(nodes.filter((n) => n.type === 'frame').map((n) => n.id)).toEqual([frameId('aws'), frameId('east')]);
    expect(nodes.find((n) => n.id === frameId('east'))).toMatchObject({ parentId: frameId('aws'), data: { label: 'US East', type: 'region' } });
    expect(nodes.find((n) => n.id === 'api')?.parentId).toBe(frameId('east'));
    expect(nodes.find((n) => n.id === 'users')?.parentId).toBeUndefined();
    const order = nodes.map((n) => n.id);
    for (const n of nodes) if (n.parentId) expect(order.indexOf(n.parentId)).toBeLessThan(order.indexOf(n.id));
  });

  it('places members relative to their frame, and maps them back to document positions', () => {
    const model = toFlow(doc());
    const at = layoutPositions(doc());
    const east = model.origins.get(frameId('east'))!;
    expect(east).toEqual({ x: COLUMN - FRAME_PAD, y: ROW + BAND_GAP - FRAME_PAD - FRAME_TITLE });
    for (const n of model.nodes.filter((x) => x.type === 'device')) expect(documentPosition(n, model.origins)).toEqual(at.get(n.id));
    const aws = model.origins.get(frameId('aws'))!;
    expect(model.nodes.find((n) => n.id === frameId('east'))?.position).toEqual({ x: east.x - aws.x, y: east.y - aws.y });
  });

  it('draws one edge per link between existing nodes, styled by link type', () => {
    const { edges } = toFlow(doc());
    expect(edges).toHaveLength(5); // the link to a missing node is left out
    const style = (type: string) => edges.find((e) => (e.data as { type: string }).type === type)?.style;
    expect(style('call')).toEqual({ strokeWidth: 2 });
    expect(style('replication')).toEqual({ strokeWidth: 2, strokeDasharray: '2 4' });
    expect(style('scrape')).toEqual({ strokeWidth: 1 });
  });

  it('marks the selected node and counts findings per node', () => {
    const { nodes } = toFlow(doc(), 'api', [
      { severity: 'warning', code: 'x', message: 'm', path: 'nodes.api.replicas' },
      { severity: 'error', code: 'y', message: 'm', path: 'nodes.api' },
      { severity: 'info', code: 'z', message: 'm', path: 'links[0]' },
    ]);
    expect(nodes.find((n) => n.id === 'api')).toMatchObject({ selected: true, data: { findings: 2, kind: 'container', label: 'api' } });
    expect(nodes.find((n) => n.id === 'db')).toMatchObject({ selected: false, data: { findings: 0 } });
  });
});

describe('documents: moving a node', () => {
  it('writes the position into the document as one edit and marks it unsaved', async () => {
    const { s } = documentStore();
    await s().openText('shop.devsim.yaml', 'text');
    expect(s().doc).toMatchObject({ dirty: false, revision: 0 });
    s().moveNode('db', { x: 32, y: 48 });
    expect(s().doc?.document?.nodes['db']?.position).toEqual({ x: 32, y: 48 });
    expect(s().doc).toMatchObject({ dirty: true, revision: 1 });
    s().moveNode('db', { x: 32, y: 48 }); // dropped where it was: no edit
    s().moveNode('nowhere', { x: 1, y: 1 });
    expect(s().doc?.revision).toBe(1);
    expect(s().doc?.document?.nodes['cache']?.position).toBeUndefined();
  });
});
