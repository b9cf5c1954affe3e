// The load analysis in words a person acts on: which node is offered more than it can serve,
// when, what the run will show, and what to change.
import type { GroupLoad, LoadAnalysis, NodeLoad } from './load-analysis.js';

/** Worst-case retry amplification from which a warning is given even below capacity. */
const RETRY_STORM_FACTOR = 3;

export function loadWarnings(analysis: LoadAnalysis): string[] {
  const warnings: string[] = [];
  for (const node of analysis.nodes) {
    const w = capacityWarning(node) ?? retryWarning(node);
    if (w !== null) warnings.push(w);
  }
  for (const group of analysis.groups) {
    const w = groupWarning(group);
    if (w !== null) warnings.push(w);
  }
  return warnings;
}

function capacityWarning(node: NodeLoad): string | null {
  if (node.servers === null || node.rho === null || node.peakRho === null || node.meanRps <= 0) return null;
  if (node.servers === 0) {
    return `${node.id}: no servers (replicas × concurrency = 0) for the ≈ ${rps(node.meanRps)} it receives: every request to it is rejected; give it replicas`;
  }
  const autoscaled = node.maxServers !== null && node.maxServers > node.servers;
  const scale = autoscaled ? node.servers / node.maxServers! : 1;
  const rho = node.rho * scale;
  const peakRho = node.peakRho * scale;
  if (peakRho < 1) return null;
  const atPeak = rho < 1;
  const shownRho = atPeak ? peakRho : rho;
  const shownRps = atPeak ? node.peakRps : node.meanRps;
  const capacity = shownRps / shownRho;
  const where = autoscaled ? ' even at maxReplicas' : '';
  const when = atPeak ? `at the peak rate (${rps(shownRps)} vs capacity ${rps(capacity)}${where})` : `at the mean rate (${rps(shownRps)} vs capacity ${rps(capacity)}${where})`;
  const share = !autoscaled && atPeak && node.overloadedShare > 0 ? `, for about ${percent(node.overloadedShare)} of the run` : '';
  const queue = node.queueCapacity ?? Infinity;
  const consequence = queue < Infinity
    ? `its queue of ${queue.toLocaleString('en')} fills and requests are rejected${atPeak ? ' while the rate stays above capacity' : ` (about ${percent(1 - 1 / rho)} of them)`}; add replicas${autoscaled ? ' (raise maxReplicas)' : ''}`
    : `its queue will grow without bound${atPeak ? ' while the rate stays above capacity' : ''}; add replicas${autoscaled ? ' (raise maxReplicas)' : ''} or a queue limit`;
  return `${node.id}: offered load ρ ≈ ${shownRho.toFixed(2)} ${when}${share}: ${consequence}`;
}

function retryWarning(node: NodeLoad): string | null {
  // Nodes without servers (a cache lookup, a pass-through) do not slow down under load.
  if (node.servers === null || node.retriedBy.length === 0 || node.retryAmplification <= 1) return null;
  const amplifiedPeak = node.peakRho === null ? 0 : node.peakRho * node.retryAmplification;
  const tipsOver = node.peakRho !== null && node.peakRho < 1 && amplifiedPeak >= 1;
  if (node.retryAmplification < RETRY_STORM_FACTOR && !tipsOver) return null;
  const by = node.retriedBy.join(', ');
  const over = tipsOver ? ` (ρ ≈ ${amplifiedPeak.toFixed(2)} at the peak rate)` : '';
  return `${node.id}: when it slows down or fails, the retries of ${by} multiply its load up to ${node.retryAmplification.toFixed(1)}× (≈ ${rps(node.meanRps * node.retryAmplification)} instead of ${rps(node.meanRps)})${over}; a brown-out can turn into a retry storm: fewer retries, a retry budget or a circuit breaker help`;
}

function groupWarning(g: GroupLoad): string | null {
  if (g.peakRho < 1 || g.meanRps <= 0) return null;
  const atPeak = g.rho < 1;
  const rate = atPeak ? g.peakRps : g.meanRps;
  const consumers = `${g.activeConsumers} consumer${g.activeConsumers === 1 ? '' : 's'} at one message at a time`;
  return (
    `${g.broker}: consumer group "${g.group}" (${g.consumer}) gets ${rps(rate, 'msg/s')} of "${g.topic}" ${atPeak ? 'at the peak rate' : 'on average'} ` +
    `but its ${consumers} finish at most ${rps(g.capacityRps, 'msg/s')}: consumer lag grows without bound${atPeak ? ' while the rate stays above that' : ''}; add consumers (and partitions) or make the consumer faster`
  );
}

/** Requests per second, rounded for reading: 2,700 req/s, 37.5 req/s, 0.25 req/s. */
function rps(x: number, unit = 'req/s'): string {
  const digits = x >= 100 ? 0 : x >= 10 ? 1 : 2;
  return `${Number(x.toFixed(digits)).toLocaleString('en', { maximumFractionDigits: digits })} ${unit}`;
}

function percent(x: number): string {
  return `${Math.round(x * 100)} %`;
}
