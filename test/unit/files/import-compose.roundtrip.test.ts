import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Topology, topologySchema } from '../../../src-preload/contract/topology/index.js';
import { exportCompose } from '../../../src-main/files/export-compose.js';
import { importCompose } from '../../../src-main/files/import-compose.js';
import { VALID_FIXTURES, readFixture } from './compose-fixtures.js';

type Services = Record<string, Record<string, unknown>>;
const servicesOf = (text: string): Services => (parse(text, { merge: true }) as { services: Services }).services;

/** depends_on (list or mapping) and links ("svc:alias") of every service, as "client->server". */
function dependencyEdges(services: Services): Set<string> {
  const edges = new Set<string>();
  for (const [name, s] of Object.entries(services)) {
    const deps = s.depends_on;
    const names = Array.isArray(deps) ? (deps as string[]) : deps && typeof deps === 'object' ? Object.keys(deps) : [];
    for (const d of names) edges.add(`${name}->${d}`);
    for (const l of (s.links as string[] | undefined) ?? []) edges.add(`${name}->${l.split(':')[0]}`);
  }
  return edges;
}

/** Ports as the importer reads them (host:container/protocol), per service. */
function portsOf(text: string, file: string): Record<string, string[]> {
  const doc = topologySchema.parse(importCompose(text, file).document) as Topology;
  const out: Record<string, string[]> = {};
  for (const [id, node] of Object.entries(doc.nodes)) {
    out[id] = node.ports.map((p) => `${p.hostPort ?? ''}:${p.port}/${p.protocol}`).sort();
  }
  return out;
}

describe('compose → document → compose', () => {
  it.each(VALID_FIXTURES)('%s keeps services, images, ports and dependencies', (file) => {
    const text = readFixture(file);
    const imported = importCompose(text, file);
    const document = topologySchema.parse(imported.document) as Topology;
    const exported = exportCompose(document).yaml;

    const before = servicesOf(text);
    const after = servicesOf(exported);
    // Services built from source have no image to run; the exporter leaves them out.
    const withImage = (s: Services): string[] => Object.keys(s).filter((n) => typeof s[n]!.image === 'string' || typeof (s[n]!.extends as { service?: string } | undefined)?.service === 'string').sort();
    const kept = Object.keys(before).filter((n) => withImage(before).includes(n) || document.nodes[n]?.image !== undefined).sort();
    expect(Object.keys(after).sort()).toEqual(kept);
    for (const name of kept) expect(after[name]!.image, name).toBe(document.nodes[name]!.image);
    for (const name of kept) if (typeof before[name]!.image === 'string') expect(after[name]!.image).toBe(before[name]!.image);

    const portsBefore = portsOf(text, file);
    const portsAfter = portsOf(exported, file);
    for (const name of kept) expect(portsAfter[name], `${name} ports`).toEqual(portsBefore[name]);

    // Every dependency survives; the only new ones are routes a proxy finds by labels (Traefik).
    const keptSet = new Set(kept);
    const original = [...dependencyEdges(before)].filter((e) => e.split('->').every((n) => keptSet.has(n)));
    const now = dependencyEdges(after);
    for (const edge of original) expect(now.has(edge), edge).toBe(true);
    for (const edge of now) {
      if (original.includes(edge)) continue;
      expect(document.nodes[edge.split('->')[0]!]?.kind, `unexpected dependency ${edge}`).toBe('load-balancer');
    }
  });
});
