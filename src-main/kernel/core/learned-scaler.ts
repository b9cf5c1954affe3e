// The learned policy of one node: each sync, the observation goes through the policy and
// its replica change is clamped to min/max. Without a policy the node keeps the HPA.
import { observe, OBSERVATION_SIZE } from './learned-observation.js';
import type { PeriodMeasure } from './scaling-period.js';
import type { KernelPolicy } from './scaling-models.js';

export interface LearnedSetup {
  policy: KernelPolicy;
  minReplicas: number;
  maxReplicas: number;
  sloLatencyMs: number;
  /** Service time assumed before one is measured (the document's mean). */
  serviceMs: number;
}

export interface LearnedDecision {
  replicas: number;
  /** The change the policy asked for, before clamping. */
  delta: number;
}

export class LearnedScaler {
  private previousRps = 0;
  private readonly observation = new Float64Array(OBSERVATION_SIZE);

  constructor(private readonly setup: LearnedSetup) {}

  get policyName(): string {
    return this.setup.policy.name;
  }

  decide(m: PeriodMeasure, currentReplicas: number): LearnedDecision {
    const s = this.setup;
    observe(m, { replicas: currentReplicas, maxReplicas: s.maxReplicas, sloLatencyMs: s.sloLatencyMs, previousRps: this.previousRps, serviceMs: s.serviceMs }, this.observation);
    this.previousRps = m.arrivalsRps;
    const delta = s.policy.act(this.observation);
    const replicas = Math.max(s.minReplicas, Math.min(s.maxReplicas, currentReplicas + Math.round(delta)));
    return { replicas, delta };
  }
}
