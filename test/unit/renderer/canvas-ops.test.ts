import ELK from 'elkjs/lib/elk.bundled.js';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { topologySchema, validateTopology, type Topology } from '../../../src-preload/contract/index.js';
import { alignBoxes, distributeBoxes, type Box } from '../../../src-renderer/src/features/topology/canvas/arrange.js';
import { autoLayout, elkGraph } from '../../../src-renderer/src/features/topology/canvas/auto-layout.js';
import { NODE_HEIGHT, NODE_WIDTH, toFlow } from '../../../src-renderer/src/features/topology/canvas/flow-model.js';
import { dropMoves, frameMemberMoves, groupAt, moveEmptyGroup } from '../../../src-renderer/src/features/topology/canvas/frame-drop.js';
import { layoutPositions } from '../../../src-renderer/src/features/topology/canvas/layout.js';
import { clipboardSchema, copyNodes, freshCopyId, pasteNodes } from '../../../src-renderer/src/stores/clipboard-edits.js';
import { placeNodes } from '../../../src-renderer/src/stores/topology-edits.js';
import { documentStore, opened } from './fake-documents.js';

const station = { serviceTime: { default: { type: 'exponential', meanMs: 10 } } };
const shop = (): Topology =>
  topologySchema.parse({
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name: 'Shop' },
    groups: { aws: { type: 'cloud' }, east: { type: 'region', parent: 'aws' }, west: { type: 'region', parent: 'aws' } },
    nodes: {
      users: { kind: 'traffic-source', rate: { type: 'constant', rps: 10 } },
      lb: { kind: 'load-balancer', group: 'east', position: { x: 300, y: 0 } },
      api: { kind: 'app-service', group: 'east', position: { x: 600, y: 0 }, ...station },
      'api-2': { kind: 'app-service', group: 'east', position: { x: 600, y: 120 }, ...station },
      db: { kind: 'postgres', group: 'east', position: { x: 900, y: 0 } },
      bus: { kind: 'kafka', group: 'west' },
      worker: { kind: 'app-service', group: 'west', ...station },
      prom: { kind: 'prometheus' },
    },
    links: [
      { type: 'call', from: 'users', to: 'lb' },
      { type: 'call', from: 'lb', to: 'api' },
      { type: 'call', from: 'lb', to: 'api-2' },
      { type: 'call', from: 'api', to: 'db' },
      { type: 'publish', from: 'api', to: 'bus', topic: 'orders' },
      { type: 'consume', from: 'bus', to: 'worker', topic: 'orders', group: 'workers' },
      { type: 'scrape', from: 'prom', to: 'api' },
    ],
  });

describe('copy and paste', () => {
  it('copies the nodes at their drawn positions with only the links among them', () => {
    const doc = shop();
    const clip = copyNodes(doc, ['api', 'db', 'ghost'], layoutPositions(doc))!;
    expect(Object.keys(clip.nodes)).toEqual(['api', 'db']);
    expect(clip.links).toEqual([doc.links[3]]);
    expect(copyNodes(doc, ['ghost'], new Map())).toBeNull();
    // Unplaced nodes take the position they are drawn at.
    expect(copyNodes(doc, ['worker'], layoutPositions(doc))!.nodes['worker']!.position).toEqual(layoutPositions(doc).get('worker'));
  });

  it('pastes under fresh ids that clash with no node or group, remapping the links among the copies', () => {
    const doc = shop();
    const clip = copyNodes(doc, ['lb', 'api', 'db'], layoutPositions(doc))!;
    const { doc: after, ids } = pasteNodes(doc, clip, { offset: { x: 32, y: 32 } });
    expect(ids).toEqual(['lb-2', 'api-3', 'db-2']); // api-2 exists already
    expect(after.nodes['api-3']).toMatchObject({ kind: 'app-service', group: 'east', position: { x: 632, y: 32 } });
    expect(after.links.slice(doc.links.length)).toEqual([
      { ...doc.links[1], from: 'lb-2', to: 'api-3' },
      { ...doc.links[3], from: 'api-3', to: 'db-2' },
    ]);
    // The originals are untouched and the paste brings no new error (no dangling link, no clashing id).
    expect(after.links.slice(0, doc.links.length)).toEqual(doc.links);
    const errors = (d: Topology) => validateTopology(d).filter((f) => f.severity === 'error').map((f) => f.code);
    expect(errors(after)).toEqual(errors(doc));
    // A second paste of the same clipboard gets new ids again.
    expect(pasteNodes(after, clip, { offset: { x: 64, y: 64 } }).ids).toEqual(['lb-3', 'api-4', 'db-3']);
  });

  it('pastes with the block top-left at the pointer, and drops a group the document no longer has', () => {
    const doc = shop();
    const clip = copyNodes(doc, ['api', 'db'], layoutPositions(doc))!;
    const { east: _gone, ...groups } = doc.groups;
    const { doc: after, ids } = pasteNodes({ ...doc, groups }, clip, { at: { x: 10, y: 20 } });
    expect(ids.map((id) => after.nodes[id]!.position)).toEqual([
      { x: 10, y: 20 },
      { x: 310, y: 20 },
    ]);
    expect(after.nodes[ids[0]!]!.group).toBeUndefined();
  });

  it('pasted at the pointer, each copy goes in the group found where it lands', () => {
    const doc = shop();
    const clip = copyNodes(doc, ['api', 'db'], layoutPositions(doc))!;
    const { doc: after, ids } = pasteNodes(doc, clip, { at: { x: 0, y: 0 } }, (p) => (p.x < 100 ? 'west' : null));
    expect(ids.map((id) => after.nodes[id]!.group)).toEqual(['west', undefined]);
  });

  it('keeps fresh ids within the 63 characters an id may have', () => {
    const long = `a${'b'.repeat(62)}`;
    const id = freshCopyId(long, () => false);
    expect(id.length).toBeLessThanOrEqual(63);
    expect(id).toMatch(/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/);
  });

  it('round-trips through the YAML text of the system clipboard', () => {
    const doc = shop();
    const clip = copyNodes(doc, ['api', 'db'], layoutPositions(doc))!;
    expect(clipboardSchema.parse(parse(stringify(clip)))).toEqual(clip);
    expect(() => clipboardSchema.parse(parse('nodes: { Bad: { kind: redis } }'))).toThrow();
  });

  it('duplicates as one command in the store, undone in one step', async () => {
    const { s, host } = documentStore();
    host.api.openDocumentText.mockResolvedValueOnce(opened({ document: shop() }));
    await s().openText('shop.devsim.yaml', 'text');
    const start = s().doc!.document!;
    const ids = s().duplicate(['api', 'db'], layoutPositions(start));
    expect(ids).toEqual(['api-3', 'db-2']);
    expect(s().clipboard).toBeNull(); // duplicate leaves the clipboard alone
    expect(s().history.undo.map((c) => c.label)).toEqual(['Paste 2 nodes']);
    s().undo();
    expect(s().doc!.document).toBe(start);
    s().copyNodes(['lb'], layoutPositions(start));
    expect(s().paste({ at: { x: 0, y: 0 } })).toEqual(['lb-2']);
  });
});

describe('align and distribute', () => {
  const boxes = new Map<string, Box>([
    ['a', { x: 0, y: 0, width: 200, height: 56 }],
    ['b', { x: 310, y: 100, width: 100, height: 40 }],
    ['c', { x: 50, y: 400, width: 200, height: 56 }],
  ]);

  it('aligns edges and centre lines of the selection', () => {
    expect([...alignBoxes(boxes, 'left').values()].map((p) => p.x)).toEqual([0, 0, 0]);
    expect([...alignBoxes(boxes, 'right').values()].map((p) => p.x)).toEqual([210, 310, 210]);
    expect([...alignBoxes(boxes, 'center').values()].map((p) => p.x)).toEqual([105, 155, 105]);
    expect([...alignBoxes(boxes, 'top').values()].map((p) => p.y)).toEqual([0, 0, 0]);
    expect([...alignBoxes(boxes, 'bottom').values()].map((p) => p.y)).toEqual([400, 416, 400]);
    expect([...alignBoxes(boxes, 'middle').values()].map((p) => p.y)).toEqual([200, 208, 200]);
    // The other axis stays.
    expect(alignBoxes(boxes, 'left').get('b')).toEqual({ x: 0, y: 100 });
    expect(alignBoxes(new Map([['a', boxes.get('a')!]]), 'left').size).toBe(0);
  });

  it('distributes with equal gaps, the outermost two staying put', () => {
    const h = distributeBoxes(boxes, 'horizontal');
    // Ordered by centre: a (100), c (150), b (360); span 0..410, widths 500 → gap -45.
    expect(h.get('a')).toEqual({ x: 0, y: 0 });
    expect(h.get('c')).toEqual({ x: 155, y: 400 });
    expect(h.get('b')).toEqual({ x: 310, y: 100 });
    const v = distributeBoxes(boxes, 'vertical');
    // a (0..56), b, c (400..456): gap (456 - 152) / 2 = 152.
    expect(v.get('a')!.y).toBe(0);
    expect(v.get('b')!.y).toBe(56 + 152);
    expect(v.get('c')!.y).toBe(400);
    expect(distributeBoxes(new Map([...boxes].slice(0, 2)), 'vertical').size).toBe(0);
  });
});

describe('frames: membership on drop', () => {
  it('finds the innermost frame under a point, none outside', () => {
    const doc = shop();
    const model = toFlow(doc);
    const api = layoutPositions(doc).get('api')!;
    expect(groupAt(model, { x: api.x + 10, y: api.y + 10 })).toBe('east');
    const worker = layoutPositions(doc).get('worker')!;
    expect(groupAt(model, { x: worker.x + 10, y: worker.y + 10 })).toBe('west');
    expect(groupAt(model, { x: -5000, y: -5000 })).toBeNull();
  });

  it('puts a node dropped in a frame into that group, and one dropped outside in none; one undoable command', async () => {
    const doc = shop();
    const model = toFlow(doc);
    const worker = layoutPositions(doc).get('worker')!;
    const into = dropMoves(doc, model, new Map([['prom', { x: worker.x, y: worker.y }]]));
    expect(into.changed).toBe(true);
    expect(placeNodes(doc, into.moves).nodes['prom']).toMatchObject({ group: 'west', position: worker });
    const out = dropMoves(doc, model, new Map([['api', { x: -4000, y: -4000 }]]));
    expect(out.changed).toBe(true);
    expect(placeNodes(doc, out.moves).nodes['api']!.group).toBeUndefined();
    const within = dropMoves(doc, model, new Map([['api', { x: 610, y: 10 }]]));
    expect(within.changed).toBe(false);

    const { s, host } = documentStore();
    host.api.openDocumentText.mockResolvedValueOnce(opened({ document: doc }));
    await s().openText('shop.devsim.yaml', 'text');
    s().placeNodes(into.moves, 'Move prom into west');
    expect(s().doc!.document!.nodes['prom']!.group).toBe('west');
    s().undo();
    expect(s().doc!.document).toBe(doc);
  });

  it('draws a frame for a group without members, so nodes can be dropped into it', () => {
    const doc = shop();
    const withEmpty = { ...doc, groups: { ...doc.groups, south: { type: 'region' as const, parent: 'aws' } } };
    const model = toFlow(withEmpty);
    const frame = model.nodes.find((n) => n.id === 'group:south')!;
    expect(frame).toBeDefined();
    const o = model.origins.get('group:south')!;
    expect(groupAt(model, { x: o.x + 40, y: o.y + 60 })).toBe('south');
  });

  it('stores where an empty frame was dragged to, so it stays there', () => {
    const doc = shop();
    const withEmpty = { ...doc, groups: { ...doc.groups, south: { type: 'region' as const, parent: 'aws' } } };
    const model = toFlow(withEmpty);
    const frame = model.nodes.find((n) => n.id === 'group:south')!;
    const moved = moveEmptyGroup(withEmpty, model, 'south', frame.position, { x: frame.position.x + 50, y: frame.position.y - 30 });
    const before = model.origins.get('group:south')!;
    const after = toFlow(moved).origins.get('group:south')!;
    expect(after).toEqual({ x: before.x + 50, y: before.y - 30 });
    expect(moveEmptyGroup(withEmpty, model, 'south', frame.position, frame.position)).toBe(withEmpty);
  });

  it('moves every member of a dragged frame, its subgroups included', () => {
    const doc = shop();
    const moves = frameMemberMoves(doc, 'aws', { x: 0, y: 0 }, { x: 10, y: -20 });
    expect([...moves.keys()].sort()).toEqual(['api', 'api-2', 'bus', 'db', 'lb', 'worker']);
    expect(moves.get('api')).toEqual({ x: 610, y: -20 });
    expect(frameMemberMoves(doc, 'aws', { x: 5, y: 5 }, { x: 5, y: 5 }).size).toBe(0);
  });
});

describe('auto-layout with elkjs', () => {
  const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }): boolean =>
    a.x < b.x + NODE_WIDTH && b.x < a.x + NODE_WIDTH && a.y < b.y + NODE_HEIGHT && b.y < a.y + NODE_HEIGHT;

  it('nests groups as compound nodes and turns consume and scrape links round', () => {
    const g = elkGraph(shop());
    const aws = g.children!.find((c) => c.id === 'group:aws')!;
    expect(aws.children!.map((c) => c.id).sort()).toEqual(['group:east', 'group:west']);
    expect(g.edges!.find((e) => e.id === 'link-5')).toMatchObject({ sources: ['worker'], targets: ['bus'] });
    expect(g.edges!.find((e) => e.id === 'link-6')).toMatchObject({ sources: ['api'], targets: ['prom'] });
  });

  it('places every node, none overlapping, calls running left to right; the store applies it as one command', async () => {
    const doc = shop();
    const at = await autoLayout(doc, new ELK());
    expect([...at.keys()].sort()).toEqual(Object.keys(doc.nodes).sort());
    const ids = [...at.keys()];
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) expect(overlaps(at.get(ids[i]!)!, at.get(ids[j]!)!), `${ids[i]} / ${ids[j]}`).toBe(false);
    for (const l of doc.links.filter((x) => x.type === 'call' || x.type === 'publish')) expect(at.get(l.from)!.x, `${l.from} → ${l.to}`).toBeLessThan(at.get(l.to)!.x);
    // The frames drawn from the new positions do not overlap either.
    const laidOut = { ...doc, nodes: Object.fromEntries(Object.entries(doc.nodes).map(([id, n]) => [id, { ...n, position: at.get(id)! }])) };
    const model = toFlow(laidOut);
    const east = model.origins.get('group:east')!;
    const west = model.origins.get('group:west')!;
    const size = (id: string) => model.nodes.find((n) => n.id === id)!;
    const apart =
      east.x + size('group:east').width! <= west.x ||
      west.x + size('group:west').width! <= east.x ||
      east.y + size('group:east').height! <= west.y ||
      west.y + size('group:west').height! <= east.y;
    expect(apart).toBe(true);

    const { s, host } = documentStore();
    host.api.openDocumentText.mockResolvedValueOnce(opened({ document: doc }));
    await s().openText('shop.devsim.yaml', 'text');
    s().moveNodes(at, 'Auto-layout');
    expect(s().history.undo.map((c) => c.label)).toEqual(['Auto-layout']);
    expect(s().doc!.document!.nodes['worker']!.position).toEqual(at.get('worker'));
    s().undo();
    expect(s().doc!.document).toBe(doc);
  });
});
