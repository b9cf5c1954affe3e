import { distributionMean } from '../distributions.js';
import type { Rule } from './types.js';
import { nodeEntries } from './types.js';

/** Sources must send somewhere, and stations should be reachable from a source. */
export const reachability: Rule = (doc, report) => {
  const calls = doc.links.filter((l) => l.type === 'call' || l.type === 'publish' || l.type === 'consume');
  const reached = new Set<string>();
  const queue: string[] = [];
  for (const [id, node] of nodeEntries(doc)) {
    if (node.kind !== 'traffic-source') continue;
    if (!calls.some((l) => l.from === id)) report('warning', 'source-unconnected', ['nodes', id], `Traffic source "${id}" sends its requests nowhere: link it to a service.`);
    reached.add(id);
    queue.push(id);
  }
  if (queue.length === 0) return; // a document without traffic is a drawing, not an error
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    for (const l of calls) {
      if (l.from === at && !reached.has(l.to)) {
        reached.add(l.to);
        queue.push(l.to);
      }
    }
  }
  for (const [id, node] of nodeEntries(doc)) {
    if (reached.has(id) || !('serviceTime' in node) || node.serviceTime === undefined) continue;
    report('info', 'node-unreached', ['nodes', id], `No traffic reaches "${id}"; it will sit idle in a run.`);
  }
};

/** A constant source into one station with an unbounded queue: flag ρ ≥ 1, the queue that never drains. */
export const overload: Rule = (doc, report) => {
  for (const [sourceId, source] of nodeEntries(doc)) {
    if (source.kind !== 'traffic-source' || source.rate.type !== 'constant') continue;
    const out = doc.links.filter((l) => l.type === 'call' && l.from === sourceId);
    if (out.length !== 1) continue;
    const link = out[0]!;
    if (link.type !== 'call') continue;
    const target = doc.nodes[link.to];
    if (!target || !('serviceTime' in target) || target.serviceTime === undefined || target.queueCapacity !== null) continue;
    if (target.scaling.policy !== 'manual' || target.replicas === 0) continue;
    const lambda = source.rate.rps * link.probability * link.fanOut;
    const mu = 1000 / distributionMean(target.serviceTime.default);
    const servers = target.replicas * target.concurrency;
    const rho = lambda / (servers * mu);
    if (rho >= 1) {
      report('warning', 'station-overloaded', ['nodes', link.to, 'replicas'], `"${link.to}" gets ${lambda.toFixed(2)} req/s but serves at most ${(servers * mu).toFixed(2)} (ρ = ${rho.toFixed(2)}); with an unbounded queue it grows without end.`);
    }
  }
};
