// HPA vs predictive vs learned on the same document and seeds: each policy is put on every
// autoscaled node and the scenario run once per evaluation seed. The learned policy is the
// one given, or trained here (cross-entropy method) on training seeds kept apart from the
// evaluation seeds, so it is judged on traffic it never saw.
import type { Topology } from '../../../src-preload/contract/index.js';
import { DEFAULT_SEASON_S, mlpPolicy, SEASONAL_STEP_MS, seasonalNaive, type KernelForecaster, type KernelModels, type KernelPolicy } from '../../kernel/index.js';
import { trainPolicyCem, type CemOptions, type CemResult, type IterationReport } from '../rl/cem-trainer.js';
import { DEFAULT_ACTION_WEIGHT, DEFAULT_SLO_WEIGHT } from '../rl/reward.js';
import { runEpisode, type EpisodeFigures, type EpisodeOptions } from './episode.js';
import { autoscaledNodes, withPolicy, type ComparedPolicy } from './policy-document.js';
import { FIGURE_DEFINITIONS, policyReport, REPORT_FORMAT, REPORT_VERSION, type PolicyReport } from './report.js';

export type TrainingSettings = Pick<CemOptions, 'iterations' | 'population' | 'hiddenUnits' | 'sloWeight' | 'actionWeight' | 'searchSeed'>;

export interface CompareOptions {
  policies: readonly ComparedPolicy[];
  seeds: readonly number[];
  /** Seeds the learned policy trains on when none is given; none may be an evaluation seed. */
  trainSeeds?: readonly number[];
  /** The predictive policy's forecaster; default seasonal naive over forecastSeasonS. */
  forecaster?: KernelForecaster;
  /** The learned policy; default: trained here. */
  policy?: KernelPolicy;
  training?: TrainingSettings;
  durationS?: number;
  warmupS?: number;
  /** Length of the training episodes (default: durationS); they have no warm-up (a policy needs no history). */
  trainDurationS?: number;
  forecastSeasonS?: number;
  rateSeries?: EpisodeOptions['rateSeries'];
  /** How the document was changed for the comparison (compressed days, scaled rates), for the report. */
  changes?: readonly string[];
  /** A line of progress for a person (training iterations, runs done). */
  onProgress?: (message: string, detail?: IterationReport) => void;
  /** Called with the policy trained here (to save it as a model). */
  onTrained?: (result: CemResult) => void;
  isCancelled?: () => boolean;
}

export interface ComparisonReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  document: string;
  autoscaledNodes: string[];
  seeds: number[];
  trainSeeds: number[];
  durationS: number;
  warmupS: number;
  slo: { latencyP99Ms: number; errorRatePercent: number };
  /** Changes made to the document for the comparison; empty: none. */
  changes: string[];
  definitions: typeof FIGURE_DEFINITIONS;
  policies: PolicyReport[];
  training?: { method: 'cross-entropy'; iterations: number; population: number; sloWeight: number; actionWeight: number; reward: number; episodes: number; history: IterationReport[] };
}

export class CancelledError extends Error {
  override name = 'CancelledError';
}

const FORECASTER = 'compare/forecaster';
const POLICY = 'compare/policy';

export function comparePolicies(doc: Topology, options: CompareOptions): ComparisonReport {
  if (options.seeds.length === 0) throw new Error('the comparison needs at least one seed');
  if (options.policies.length === 0) throw new Error('the comparison needs at least one policy');
  const trainSeeds = [...(options.trainSeeds ?? [])];
  const overlap = trainSeeds.filter((s) => options.seeds.includes(s));
  if (overlap.length > 0) throw new Error(`training seeds must differ from evaluation seeds; both have ${overlap.join(', ')}`);
  const common = {
    ...(options.durationS === undefined ? {} : { durationS: options.durationS }),
    ...(options.warmupS === undefined ? {} : { warmupS: options.warmupS }),
    ...(options.forecastSeasonS === undefined ? {} : { forecastSeasonS: options.forecastSeasonS }),
    ...(options.rateSeries === undefined ? {} : { rateSeries: options.rateSeries }),
  };
  const progress = options.onProgress ?? (() => undefined);
  let training: ComparisonReport['training'];
  const policies: PolicyReport[] = [];

  for (const policy of options.policies) {
    let models: KernelModels = {};
    let modelName = 'Kubernetes HPA';
    if (policy === 'predictive') {
      const season = options.forecastSeasonS ?? DEFAULT_SEASON_S;
      if (options.forecaster !== undefined) models = { [FORECASTER]: { type: 'forecaster', forecaster: options.forecaster } };
      modelName = options.forecaster?.name ?? seasonalNaive(season, SEASONAL_STEP_MS).name;
    }
    if (policy === 'learned') {
      let learned = options.policy;
      if (learned === undefined) {
        if (trainSeeds.length === 0) throw new Error('the learned policy needs a policy model or training seeds to train one on');
        const cem: CemOptions = {
          ...options.training,
          ...common,
          ...(options.trainDurationS === undefined ? {} : { durationS: options.trainDurationS, warmupS: 0 }),
          trainSeeds,
          onIteration: (r) => progress(`training the learned policy: iteration ${r.iteration}/${r.iterations}, mean-policy reward ${r.meanPolicyReward.toFixed(2)}, best ${r.bestCandidateReward.toFixed(2)}`, r),
          ...(options.isCancelled === undefined ? {} : { isCancelled: options.isCancelled }),
        };
        const result = trainPolicyCem(doc, cem);
        if (result.cancelled) throw new CancelledError('the comparison was cancelled while training the learned policy');
        options.onTrained?.(result);
        learned = mlpPolicy('trained here (cross-entropy)', result.layers);
        training = {
          method: 'cross-entropy',
          iterations: result.history.length,
          population: options.training?.population ?? 12,
          sloWeight: options.training?.sloWeight ?? DEFAULT_SLO_WEIGHT,
          actionWeight: options.training?.actionWeight ?? DEFAULT_ACTION_WEIGHT,
          reward: result.reward,
          episodes: result.episodes,
          history: result.history,
        };
      }
      models = { [POLICY]: { type: 'policy', policy: learned } };
      modelName = learned.name;
    }
    const named = policy === 'predictive' && options.forecaster !== undefined ? FORECASTER : policy === 'learned' ? POLICY : undefined;
    const policyDoc = withPolicy(doc, policy, named);
    const runs: EpisodeFigures[] = [];
    for (const seed of options.seeds) {
      if (options.isCancelled?.() === true) throw new CancelledError('the comparison was cancelled');
      runs.push(runEpisode(policyDoc, { seed, models, ...common }));
      progress(`${policy}: seed ${seed} done (${runs.length}/${options.seeds.length})`);
    }
    policies.push(policyReport(policy, modelName, runs));
  }
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    document: doc.metadata.name,
    autoscaledNodes: autoscaledNodes(doc),
    seeds: [...options.seeds],
    trainSeeds,
    durationS: options.durationS ?? doc.scenario.durationS,
    warmupS: options.warmupS ?? doc.scenario.warmupS,
    slo: { latencyP99Ms: doc.scenario.slo.latencyP99Ms, errorRatePercent: doc.scenario.slo.errorRatePercent },
    changes: [...(options.changes ?? [])],
    definitions: FIGURE_DEFINITIONS,
    policies,
    ...(training === undefined ? {} : { training }),
  };
}
