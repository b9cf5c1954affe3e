// The plan compiled into the flat tables the request flow (network.ts) reads on its hot path:
// per node, what it does with a visit (its behaviour code, station or source, balancer
// overhead, the random stream its calls draw from); per link, where it goes and how.
import { createSampler } from '../engine/distributions.js';
import { createStream, type RandomStream } from '../engine/random.js';
import type { Plan } from './plan.js';
import { compileRate, type RatePoint } from './rate-profile.js';
import { TrafficSource } from './source.js';
import { Station } from './station.js';

/** What a node does with a visit. */
export const SOURCE = 0;
export const STATION = 1;
export const CHOOSER = 2;
export const PASS = 3;
/** PostgreSQL, Redis, Kafka: the data tier's models take the visit. */
export const DATA = 4;

export interface NodeTables {
  behavior: Uint8Array;
  /** A balancer's own time per request. */
  overheadMs: Float64Array;
  stations: (Station | null)[];
  sources: (TrafficSource | null)[];
  callRng: RandomStream[];
}

export function buildNodeTables(plan: Plan, options: { seed: number; rateSeries?: Readonly<Record<string, readonly RatePoint[]>> }): NodeTables {
  const { nodes } = plan;
  const behavior = new Uint8Array(nodes.length);
  const overheadMs = new Float64Array(nodes.length);
  const stations: (Station | null)[] = [];
  const sources: (TrafficSource | null)[] = [];
  const callRng = nodes.map((node) => createStream(options.seed, `${node.id}/calls`));
  nodes.forEach((node, i) => {
    const b = node.behavior;
    let station: Station | null = null;
    let source: TrafficSource | null = null;
    switch (b.type) {
      case 'source':
        behavior[i] = SOURCE;
        source = new TrafficSource(
          compileRate(b.rate, options.rateSeries?.[node.id]),
          b.poisson,
          b.classWeights,
          createStream(options.seed, `${node.id}/arrivals`),
          createStream(options.seed, `${node.id}/classes`),
        );
        break;
      case 'station': {
        behavior[i] = STATION;
        const rng = createStream(options.seed, `${node.id}/service`);
        station = new Station(b.concurrency, b.queueCapacity, b.timeoutMs, b.startupMs, b.serviceTime.map((d) => createSampler(d, rng)), b.version);
        break;
      }
      case 'chooser':
        behavior[i] = CHOOSER;
        overheadMs[i] = b.overheadMs;
        break;
      case 'pass':
        behavior[i] = PASS;
        break;
      case 'postgres':
      case 'cache':
      case 'broker':
        behavior[i] = DATA;
        break;
    }
    stations.push(station);
    sources.push(source);
  });
  return { behavior, overheadMs, stations, sources, callRng };
}

export interface LinkTables {
  /** Node i's outgoing links are outLinks[outStart[i] … outEnd[i]). */
  outStart: Int32Array;
  outEnd: Int32Array;
  outLinks: Int32Array;
  linkTo: Int32Array;
  linkP: Float64Array;
  linkFan: Int32Array;
  linkLatency: Float64Array;
  /** Per link: the request classes it carries (null: all). */
  linkMask: (Uint8Array | null)[];
  weights: Float64Array;
}

export function buildLinkTables(plan: Plan): LinkTables {
  const { nodes, links } = plan;
  const outStart = new Int32Array(nodes.length);
  const outEnd = new Int32Array(nodes.length);
  const flat: number[] = [];
  nodes.forEach((node, i) => {
    outStart[i] = flat.length;
    flat.push(...node.out);
    outEnd[i] = flat.length;
  });
  return {
    outStart,
    outEnd,
    outLinks: Int32Array.from(flat),
    linkTo: Int32Array.from(links, (l) => l.to),
    linkP: Float64Array.from(links, (l) => l.probability),
    linkFan: Int32Array.from(links, (l) => l.fanOut),
    linkLatency: Float64Array.from(links, (l) => l.latencyMs),
    linkMask: links.map((l) => l.classMask),
    weights: Float64Array.from(links, (l) => l.weight),
  };
}
