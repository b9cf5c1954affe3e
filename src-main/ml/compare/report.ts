// The comparison report (the JSON `devsim autoscale-compare` writes). Schema, version 1:
// {
//   format: "devsim-autoscale-compare", version: 1,
//   document: string (metadata.name), autoscaledNodes: string[],
//   seeds: number[] (evaluation), trainSeeds: number[] (learned policy training; never among seeds),
//   durationS, warmupS: number, slo: { latencyP99Ms, errorRatePercent },
//   changes: string[]  (how the document was changed for the comparison: compressed days, scaled rates),
//   definitions: { [figure]: string }  (what each figure means, in words),
//   policies: [{
//     policy: "hpa" | "predictive" | "learned",
//     model: string  (what drove it: "Kubernetes HPA", the forecaster's or the policy's name),
//     figures: { sloViolationMinutes, p99LatencyMs, cost, replicaSeconds, scalingActions, errorRate }
//       each { mean, ci95: [low, high] | null, stdDev: number | null, n },
//     runs: EpisodeFigures[]  (one per seed, in seed order)
//   }],
//   training?: { method: "cross-entropy", iterations, population, sloWeight, actionWeight, reward, episodes,
//                history: IterationReport[] }   (when the learned policy was trained here)
// }
import type { EpisodeFigures } from './episode.js';
import { meanInterval, type MeanInterval } from './interval.js';
import type { ComparedPolicy } from './policy-document.js';

export const REPORT_FORMAT = 'devsim-autoscale-compare';
export const REPORT_VERSION = 1;

export const FIGURES = ['sloViolationMinutes', 'p99LatencyMs', 'cost', 'replicaSeconds', 'scalingActions', 'errorRate'] as const;
export type Figure = (typeof FIGURES)[number];

export const FIGURE_DEFINITIONS: Readonly<Record<Figure, string>> = {
  sloViolationMinutes:
    'Minutes after warm-up in which, at any traffic source, the p99 end-to-end latency of the requests answered in that minute exceeded scenario.slo.latencyP99Ms or their error rate (failed and turned away over all finished) exceeded scenario.slo.errorRatePercent',
  p99LatencyMs: 'The highest p99 end-to-end latency over the traffic sources, whole measured time, in ms',
  cost: 'Dollars over the measured time, all nodes (instance-hour prices of their clouds)',
  replicaSeconds: 'Replica-seconds of the autoscaled nodes over the measured time',
  scalingActions: "Changes of an autoscaled node's replica count ('scaled' events) after warm-up",
  errorRate: 'Failed requests over all requests at the traffic sources (0–1)',
};

export interface PolicyReport {
  policy: ComparedPolicy;
  model: string;
  figures: Record<Figure, MeanInterval>;
  runs: EpisodeFigures[];
}

export function policyReport(policy: ComparedPolicy, model: string, runs: EpisodeFigures[]): PolicyReport {
  const figures = Object.fromEntries(FIGURES.map((f) => [f, meanInterval(runs.map((r) => r[f]))])) as Record<Figure, MeanInterval>;
  return { policy, model, figures, runs };
}
