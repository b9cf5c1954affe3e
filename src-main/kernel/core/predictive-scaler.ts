// The predictive policy of one node, as AWS predictive scaling behaves: once the forecaster
// has its window of history, each sync asks for at least the replicas the highest forecast
// load between now and now + bufferS needs (so they are ready when it comes), and never
// fewer than the reactive part (the HPA) recommends. It never scales in on the forecast:
// a count below the current one can only come from the reactive recommendation.
import { replicasForRate } from './predictive-capacity.js';
import { ArrivalHistory } from './predictive-history.js';
import type { KernelForecaster } from './scaling-models.js';

export interface PredictiveSetup {
  forecaster: KernelForecaster;
  bufferMs: number;
  concurrency: number;
  targetCpuPercent: number;
  maxReplicas: number;
}

export interface PredictiveInput {
  nowMs: number;
  currentReplicas: number;
  /** The HPA's decision this sync. */
  reactiveReplicas: number;
  lifetimeArrivals: number;
  /** Busy server-ms per request measured over this sync; undefined: no completions. */
  serviceMs: number | undefined;
}

export interface PredictiveDecision {
  replicas: number;
  /** forecast: the forecast asked for more than the reactive part; warming-up: history too short. */
  source: 'reactive' | 'forecast' | 'warming-up';
  /** The highest forecast rate up to the buffer ahead (rps); null while warming up. */
  forecastRps: number | null;
  /** Replicas that forecast needs; null while warming up or before a service time is known. */
  neededReplicas: number | null;
}

/** Weight of the newest measured service time in its moving average. */
const SERVICE_SMOOTHING = 0.2;

export class PredictiveScaler {
  private readonly history: ArrivalHistory;
  private serviceMs: number | undefined;
  private planned: { peak: number; needed: number | null } | undefined;
  private plannedAt = -1;

  constructor(private readonly setup: PredictiveSetup) {
    const f = setup.forecaster;
    this.history = new ArrivalHistory(f.stepMs, f.window);
  }

  get forecasterName(): string {
    return this.setup.forecaster.name;
  }

  /** Steps of history still missing before forecasts start. */
  get stepsMissing(): number {
    return Math.max(0, this.setup.forecaster.window - this.history.length);
  }

  /** The highest forecast from the next step up to the buffer ahead. */
  private peakForecast(): number {
    const { forecaster, bufferMs } = this.setup;
    const values = this.history.values();
    const ahead = Math.max(1, Math.ceil(bufferMs / forecaster.stepMs));
    let peak = 0;
    for (let k = 1; k <= ahead; k++) peak = Math.max(peak, forecaster.forecast(values, k));
    return peak;
  }

  decide(input: PredictiveInput): PredictiveDecision {
    this.history.record(input.nowMs, input.lifetimeArrivals);
    if (input.serviceMs !== undefined) {
      this.serviceMs = this.serviceMs === undefined ? input.serviceMs : this.serviceMs + SERVICE_SMOOTHING * (input.serviceMs - this.serviceMs);
    }
    const reactive = input.reactiveReplicas;
    if (this.stepsMissing > 0) return { replicas: reactive, source: 'warming-up', forecastRps: null, neededReplicas: null };
    // The forecast and the count it needs change only when a history step closes, so a
    // service-time estimate wandering across a boundary cannot flap the floor between syncs.
    if (this.plannedAt !== this.history.closed || this.planned === undefined) {
      const peak = this.peakForecast();
      const needed = this.serviceMs === undefined ? null : Math.min(this.setup.maxReplicas, replicasForRate(peak, this.serviceMs, this.setup.concurrency, this.setup.targetCpuPercent));
      this.planned = { peak, needed };
      this.plannedAt = this.history.closed;
    }
    const { peak, needed } = this.planned;
    if (needed === null) return { replicas: reactive, source: 'reactive', forecastRps: peak, neededReplicas: null };
    // Only ever a floor under the reactive recommendation, so never a scale-in of its own;
    // a scale-in the reactive part asks for stops at what the forecast needs.
    const replicas = Math.max(reactive, needed);
    const source = replicas > input.currentReplicas && needed > reactive ? 'forecast' : 'reactive';
    return { replicas, source, forecastRps: peak, neededReplicas: needed };
  }
}
