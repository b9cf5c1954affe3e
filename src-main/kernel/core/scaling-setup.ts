// Which policy object drives a node's scaling, from its `scaling` block and the models the
// run was given: predictive gets its forecaster (a named model, else seasonal naive), learned
// its policy (without one it stays the HPA). A named model the run lacks or of the wrong kind
// leaves a note for the run's events instead of failing the run.
import { distributionMean, type Scaling } from '../../../src-preload/contract/topology/index.js';
import type { Behavior } from './plan.js';
import { LearnedScaler } from './learned-scaler.js';
import { DEFAULT_SEASON_S, seasonalNaive } from './predictive-seasonal-naive.js';
import { PredictiveScaler } from './predictive-scaler.js';
import type { KernelModels } from './scaling-models.js';

export interface ScalingModelOptions {
  models?: KernelModels;
  /** Season of the built-in seasonal-naive forecaster; default a day. */
  seasonS?: number;
  sloLatencyMs: number;
}

/** History step of the built-in forecaster: a minute. */
export const SEASONAL_STEP_MS = 60_000;

export interface NodeScaling {
  predictive?: PredictiveScaler;
  learned?: LearnedScaler;
  /** Said once at the start (a model that could not be used, or learned without a model). */
  note?: string;
}

type Station = Extract<Behavior, { type: 'station' }>;

export function nodeScaling(id: string, station: Station, options: ScalingModelOptions): NodeScaling {
  const s: Scaling = station.scaling;
  if (s.policy === 'predictive') {
    const model = s.model === undefined ? undefined : options.models?.[s.model];
    const note = s.model !== undefined && model?.type !== 'forecaster' ? `${id}: forecasting model "${s.model}" ${model === undefined ? 'was not given to the run' : 'is not a forecaster'}; the seasonal-naive baseline forecasts instead` : undefined;
    const forecaster = model?.type === 'forecaster' ? model.forecaster : seasonalNaive(options.seasonS ?? DEFAULT_SEASON_S, SEASONAL_STEP_MS);
    const predictive = new PredictiveScaler({ forecaster, bufferMs: s.bufferS * 1000, concurrency: station.concurrency, targetCpuPercent: s.targetCpuPercent, maxReplicas: s.maxReplicas });
    return note === undefined ? { predictive } : { predictive, note };
  }
  if (s.policy === 'learned') {
    const model = s.model === undefined ? undefined : options.models?.[s.model];
    if (model?.type !== 'policy') {
      const why = s.model === undefined ? 'has no policy model' : model === undefined ? `policy model "${s.model}" was not given to the run` : `model "${s.model}" is not a policy`;
      return { note: `${id}: learned scaling ${why}; the Kubernetes HPA scales it instead` };
    }
    const first = station.serviceTime[0];
    const serviceMs = first === undefined ? 1 : distributionMean(first);
    return { learned: new LearnedScaler({ policy: model.policy, minReplicas: s.minReplicas, maxReplicas: s.maxReplicas, sloLatencyMs: options.sloLatencyMs, serviceMs }) };
  }
  return {};
}
