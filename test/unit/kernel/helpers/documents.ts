// Topology documents for kernel tests, written as the schema expresses them: a constant-rate
// Poisson traffic source calling container stations (serviceTime, concurrency c, queueCapacity).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument } from '../../../../src-main/documents/load-document.js';
import { topologySchema, type Distribution, type Topology, type TopologyInput } from '../../../../src-preload/contract/index.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

export interface StationSpec {
  service: Distribution;
  servers?: number;
  /** Waiting places beyond the servers; null: unbounded. */
  queueCapacity?: number | null;
}

export interface CallSpec {
  from: string;
  to: string;
  probability?: number;
  latencyMs?: number;
}

/** A source at `rps` into station `entry`, plus the given stations and calls between them. */
export function network(rps: number, stations: Record<string, StationSpec>, calls: CallSpec[] = [], entry = Object.keys(stations)[0]!): Topology {
  const nodes: TopologyInput['nodes'] = { arrivals: { kind: 'traffic-source', rate: { type: 'constant', rps }, arrivals: 'poisson' } };
  for (const [id, s] of Object.entries(stations)) {
    nodes[id] = { kind: 'container', concurrency: s.servers ?? 1, queueCapacity: s.queueCapacity ?? null, serviceTime: { default: s.service } };
  }
  const input: TopologyInput = {
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name: 'kernel test' },
    nodes,
    links: [{ type: 'call', from: 'arrivals', to: entry, latencyMs: 0 }, ...calls.map((c) => ({ type: 'call' as const, latencyMs: 0, ...c }))],
  };
  return topologySchema.parse(input);
}

/** One station: M/G/c/K as the schema writes it. */
export const singleStation = (rps: number, station: StationSpec): Topology => network(rps, { server: station });

/** A template from resources/templates, loaded as the app loads it. */
export function template(name: string): Topology {
  const result = loadDocument(readFileSync(join(ROOT, 'resources', 'templates', `${name}.devsim.yaml`), 'utf8'), name);
  if (result.document === undefined) throw new Error(`${name}: ${result.findings.map((f) => f.message).join('; ')}`);
  return result.document;
}

/** Any document from its nodes and links (the schema fills the defaults). */
export function topology(nodes: TopologyInput['nodes'], links: TopologyInput['links'], scenario: TopologyInput['scenario'] = {}): Topology {
  return topologySchema.parse({ apiVersion: 'devsim.io/v1', kind: 'Topology', metadata: { name: 'kernel test' }, nodes, links, scenario });
}
