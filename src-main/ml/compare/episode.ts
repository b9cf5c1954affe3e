// One kernel run of a document with a policy in place, reduced to the figures policies are
// compared on (and the RL trainer's reward is made of). Runs synchronously in the caller's
// thread: a renderer Worker or the CLI.
import type { Topology } from '../../../src-preload/contract/index.js';
import { createRun, type KernelModels, type RatePoint } from '../../kernel/index.js';
import { autoscaledNodes } from './policy-document.js';
import { SloMinutes } from './slo-minutes.js';

export interface EpisodeOptions {
  seed: number;
  durationS?: number;
  warmupS?: number;
  models?: KernelModels;
  forecastSeasonS?: number;
  /** Rate series of replay profiles that name a file, by traffic-source id (the host reads them). */
  rateSeries?: Readonly<Record<string, readonly RatePoint[]>>;
}

export interface EpisodeFigures {
  seed: number;
  /** Minutes (after warm-up) in which a traffic source broke the SLO (slo-minutes.ts). */
  sloViolationMinutes: number;
  /** Worst p99 end-to-end latency over the traffic sources, whole measured time (ms). */
  p99LatencyMs: number;
  /** Dollars over the measured time, all nodes (the kernel's instance-hour prices). */
  cost: number;
  /** Replica-seconds of the autoscaled nodes over the measured time. */
  replicaSeconds: number;
  /** 'scaled' events after warm-up: each change of a node's replica count. */
  scalingActions: number;
  /** Failed / all requests at the traffic sources. */
  errorRate: number;
  measuredMinutes: number;
  complete: boolean;
}

/** Series frames every minute: the SLO is judged per minute. */
export const SLO_FRAME_S = 60;

export function runEpisode(doc: Topology, options: EpisodeOptions): EpisodeFigures {
  const run = createRun(doc, {
    seed: options.seed,
    seriesIntervalS: SLO_FRAME_S,
    ...(options.durationS === undefined ? {} : { durationS: options.durationS }),
    ...(options.warmupS === undefined ? {} : { warmupS: options.warmupS }),
    ...(options.models === undefined ? {} : { models: options.models }),
    ...(options.forecastSeasonS === undefined ? {} : { forecastSeasonS: options.forecastSeasonS }),
    ...(options.rateSeries === undefined ? {} : { rateSeries: options.rateSeries }),
  });
  const sources = Object.entries(doc.nodes).filter(([, n]) => n.kind === 'traffic-source').map(([id]) => id);
  const warmupMs = (options.warmupS ?? doc.scenario.warmupS) * 1000;
  const slo = new SloMinutes(run.seriesLayout, sources, doc.scenario.slo, warmupMs);
  let scalingActions = 0;
  const drain = (): void => {
    const records = run.drain();
    slo.add(records.frames);
    for (const e of records.events) if (e.type === 'scaled' && e.tMs > warmupMs) scalingActions++;
  };
  while (run.advance({ untilMs: run.now + 600_000 }) === 'running') drain();
  drain();
  const summary = run.summary();
  const measured = summary.totals.measured_seconds;
  const scaled = autoscaledNodes(doc);
  let requests = 0;
  let errors = 0;
  let p99 = 0;
  for (const id of sources) {
    const s = summary.sources[id];
    if (s === undefined) continue;
    requests += s.completed + s.errors;
    errors += s.errors;
    if (Number.isFinite(s.latency_ms.p99)) p99 = Math.max(p99, s.latency_ms.p99);
  }
  return {
    seed: options.seed,
    sloViolationMinutes: slo.violatingMinutes,
    p99LatencyMs: p99,
    cost: summary.totals.cost,
    replicaSeconds: scaled.reduce((sum, id) => sum + (summary.nodes[id]?.replicas.mean ?? 0) * measured, 0),
    scalingActions,
    errorRate: requests > 0 ? errors / requests : 0,
    measuredMinutes: measured / 60,
    complete: summary.totals.complete,
  };
}
