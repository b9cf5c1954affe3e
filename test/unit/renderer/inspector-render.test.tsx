import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatPath, linkSchema, LINK_TYPES, NODE_SCHEMAS, topologySchema, validateTopology, type Topology } from '../../../src-preload/contract/index.js';
import { visibleFieldPaths } from '../../../src-renderer/src/features/topology/inspector/field-paths.js';
import { Inspector } from '../../../src-renderer/src/features/topology/inspector/Inspector.js';
import { formOf } from '../../../src-renderer/src/features/topology/inspector/schema-walk.js';
import { StoreProvider } from '../../../src-renderer/src/stores/context.js';
import { addLink, addNode, PALETTE_KINDS } from '../../../src-renderer/src/stores/topology-edits.js';
import { documentStore } from './fake-documents.js';

/** A document with one node of every kind, linked where the kinds allow. */
function everyKind(): Topology {
  let doc = topologySchema.parse({ apiVersion: 'devsim.io/v1', kind: 'Topology', metadata: { name: 'All' }, groups: { eu: { type: 'region' } }, nodes: {} });
  for (const kind of PALETTE_KINDS) doc = addNode(doc, kind, { x: 0, y: 0 }).doc;
  return doc;
}

const render = (doc: Topology, target: Parameters<typeof Inspector>[0]['target']): string => {
  const { store } = documentStore();
  return renderToStaticMarkup(
    <StoreProvider store={store}>
      <Inspector document={doc} target={target} findings={validateTopology(doc)} focus={null} selected={null} onSelectFinding={() => undefined} />
    </StoreProvider>,
  );
};

describe('inspector: the generated form renders', () => {
  const doc = everyKind();

  it.each(Object.keys(doc.nodes))('for the %s node, with every field the schema walk shows', (id) => {
    const node = doc.nodes[id]!;
    const html = render(doc, { type: 'node', id });
    const shown = visibleFieldPaths(formOf(NODE_SCHEMAS[node.kind], ['nodes', id]), node).filter((p) => !/\.(kind|position)$/.test(p) && !p.includes('.position.'));
    for (const path of shown) expect(html, path).toContain(`data-field-path="${path}"`);
    expect(html).toMatch(new RegExp(`data-testid="inspector-id"[^>]*>${id}<`));
  });

  it.each(LINK_TYPES)('for a %s link, its type a choice of every link type', (type) => {
    const extra = type === 'publish' || type === 'consume' ? { topic: 't', group: 'g' } : {};
    const link = linkSchema.parse({ type, from: 'api', to: 'redis', ...(type === 'consume' ? extra : type === 'publish' ? { topic: 't' } : {}) });
    const withLink = { ...doc, links: [link] };
    const html = render(withLink, { type: 'link', index: 0 });
    expect(html).toContain('data-field-path="links[0].type"');
    expect(html).toContain('data-field-path="links[0].latencyMs"');
    for (const t of LINK_TYPES) expect(html).toContain(`<option value="${t}"`);
  });

  it('for a group, and shows a finding at the field it names', () => {
    const html = render(doc, { type: 'group', id: 'eu' });
    expect(html).toContain('data-field-path="groups.eu.instanceHourCost"');
    const linked = addLink(doc, 'api', 'redis');
    if ('refused' in linked) throw new Error(linked.refused);
    const bad: Topology = { ...linked.doc, nodes: { ...linked.doc.nodes, api: { ...linked.doc.nodes['api']!, scaling: { policy: 'hpa', minReplicas: 5, maxReplicas: 2, targetCpuPercent: 70, tolerance: 0.1, syncPeriodS: 15, scaleDownStabilizationS: 300 } } as Topology['nodes'][string] } };
    const at = render(bad, { type: 'node', id: 'api' });
    const field = at.slice(at.indexOf('data-field-path="nodes.api.scaling.minReplicas"'));
    expect(field.slice(0, field.indexOf('data-field-path=', 20))).toContain('minReplicas (5) is above maxReplicas (2)');
    // The closed Scaling section counts it on its summary.
    expect(at).toMatch(/data-field-path="nodes\.api\.scaling"[^]*?<summary[^]*?aria-label="1 finding"/);
    expect(formatPath(['nodes', 'api', 'scaling', 'minReplicas'])).toBe('nodes.api.scaling.minReplicas');
  });
});
