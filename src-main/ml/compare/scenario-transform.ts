// Ways to make a long scenario affordable for a comparison (and the RL training inside it),
// applied to the document before any run and recorded in the report:
// - compressDays: every diurnal traffic profile repeats each dayS seconds instead of 24 h
//   (the predictive policy's seasonal forecaster gets the same season);
// - scaleRates: every traffic source's request rate times a factor (fewer events per run).
import type { RateProfile, Topology } from '../../../src-preload/contract/index.js';

function mapSources(doc: Topology, change: (rate: RateProfile) => RateProfile): Topology {
  const nodes = { ...doc.nodes };
  for (const [id, node] of Object.entries(nodes)) if (node.kind === 'traffic-source') nodes[id] = { ...node, rate: change(node.rate) };
  return { ...doc, nodes };
}

export function compressDays(doc: Topology, dayS: number): Topology {
  if (!(dayS > 0)) throw new RangeError(`a day must last more than 0 s, not ${dayS}`);
  return mapSources(doc, (rate) => (rate.type === 'diurnal' ? { ...rate, periodS: dayS } : rate));
}

export function scaleRates(doc: Topology, factor: number): Topology {
  if (!(factor > 0)) throw new RangeError(`the rate scale must be above 0, not ${factor}`);
  const f = (x: number) => x * factor;
  return mapSources(doc, (rate): RateProfile => {
    switch (rate.type) {
      case 'constant':
        return { ...rate, rps: f(rate.rps) };
      case 'diurnal':
        return { ...rate, baseRps: f(rate.baseRps), peakRps: f(rate.peakRps) };
      case 'ramp':
        return { ...rate, fromRps: f(rate.fromRps), toRps: f(rate.toRps) };
      case 'spike':
        return { ...rate, baseRps: f(rate.baseRps), spikeRps: f(rate.spikeRps) };
      case 'replay':
        return rate.points === undefined ? rate : { ...rate, points: rate.points.map((p) => ({ ...p, rps: f(p.rps) })) };
    }
  });
}
