// One sync of the Kubernetes HPA controller as a pure function: plain data in, the decision
// and the controller's new memory out. It follows reconcileAutoscaler and
// computeReplicasForMetrics in kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go
// (the behavior path: the API server always fills behavior defaults for us, see
// hpa-defaults.ts) and the kubernetes.io page "Horizontal Pod Autoscaling".
//
// Scale to zero: like Kubernetes, the count reaches 0 only when minReplicas is 0, and with
// per-pod metrics (all this controller reads) it cannot come back, since zero pods give no
// samples ("no pods returned by selector"); Kubernetes needs an object or external metric
// for that. The topology schema keeps minReplicas ≥ 1, so documents never get there.
import { rateLimit, stabilize, storeScaleEvent } from './hpa-behavior.js';
import { proposeReplicas, type Proposal } from './hpa-replica-calculator.js';
import type { HpaCondition, HpaConfig, HpaDecision, HpaMetricStatus, HpaReason, HpaState, HpaSyncInput } from './hpa-types.js';

const cond = (type: HpaCondition['type'], status: boolean, reason: string, message: string): HpaCondition => ({ type, status, reason, message });

export function hpaSync(config: HpaConfig, state: HpaState, input: HpaSyncInput): HpaDecision {
  const { nowMs, currentReplicas: current, pods } = input;
  // recordInitialRecommendation: the first sync remembers the count it found.
  const memory: HpaState =
    state.recommendations.length === 0 ? { ...state, recommendations: [{ replicas: current, atMs: nowMs }] } : state;
  const ableToGetScale = cond('AbleToScale', true, 'SucceededGetScale', "the HPA controller was able to get the target's current scale");

  if (current === 0 && config.minReplicas !== 0) {
    const message = 'scaling is disabled since the replica count of the target is zero';
    return unchanged(current, memory, 'ScalingDisabled', message, null, [ableToGetScale, cond('ScalingActive', false, 'ScalingDisabled', message)], []);
  }
  if (current > config.maxReplicas || current < config.minReplicas) {
    const above = current > config.maxReplicas;
    const desired = above ? config.maxReplicas : config.minReplicas;
    const why = above ? 'Current number of replicas above Spec.MaxReplicas' : 'Current number of replicas below Spec.MinReplicas';
    return rescaled(config, memory, current, desired, nowMs, above ? 'AboveMaxReplicas' : 'BelowMinReplicas', why, null, [], []);
  }

  const tolUp = config.behavior.scaleUp.tolerance;
  const tolDown = config.behavior.scaleDown.tolerance;
  const proposals: Proposal[] = config.metrics.map((m) => proposeReplicas(m, current, pods, { scaleUp: tolUp, scaleDown: tolDown }));
  const statuses: HpaMetricStatus[] = proposals.map((p) => p.status);

  // computeReplicasForMetrics: the largest proposal wins; give up when every metric failed,
  // or when some failed and the rest would scale down.
  let metricDesired = 0;
  let metricName = '';
  let firstFailure: Extract<Proposal, { ok: false }> | undefined;
  for (const p of proposals) {
    if (!p.ok) {
      firstFailure ??= p;
      continue;
    }
    if (metricDesired === 0 || p.replicas > metricDesired) {
      metricDesired = p.replicas;
      metricName = p.status.name;
    }
  }
  if (firstFailure !== undefined && (proposals.every((p) => !p.ok) || metricDesired < current)) {
    const message = `the HPA was unable to compute the replica count: ${firstFailure.status.error ?? ''}`;
    return unchanged(current, memory, firstFailure.reason, message, null, [ableToGetScale, cond('ScalingActive', false, firstFailure.reason, message)], statuses);
  }
  const active = cond('ScalingActive', true, 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${metricName}`);

  const desired = Math.max(0, metricDesired);
  const rescaleReason = desired > current ? `${metricName} above target` : desired < current ? 'All metrics below target' : '';

  const stable = stabilize(config, memory.recommendations, current, desired, nowMs);
  const afterWindow: HpaState = { ...memory, recommendations: stable.recommendations };
  const wasStabilized = stable.replicas !== desired;
  const able = wasStabilized
    ? cond('AbleToScale', true, stable.reason, stable.message)
    : cond('AbleToScale', true, 'ReadyForNewScale', 'recommended size matches current size');
  const limited = rateLimit(config, memory.scaleUpEvents, memory.scaleDownEvents, current, stable.replicas, nowMs);
  const isLimited = limited.replicas !== stable.replicas;
  const limitCond = cond('ScalingLimited', isLimited, limited.reason, limited.message);
  const conditions = [able, active, limitCond];

  const reason: HpaReason = isLimited
    ? (limited.reason as Exclude<typeof limited.reason, 'DesiredWithinRange'>)
    : wasStabilized
      ? stable.reason
      : limited.replicas !== current
        ? 'SucceededRescale'
        : 'ReadyForNewScale';
  if (limited.replicas === current) {
    const message = isLimited ? limited.message : wasStabilized ? stable.message : 'recommended size matches current size';
    return unchanged(current, afterWindow, reason, message, desired, conditions, statuses);
  }
  return rescaled(config, afterWindow, current, limited.replicas, nowMs, reason, rescaleReason, desired, conditions, statuses);
}

function unchanged(
  current: number,
  state: HpaState,
  reason: HpaReason,
  message: string,
  desiredFromMetrics: number | null,
  conditions: readonly HpaCondition[],
  metrics: readonly HpaMetricStatus[],
): HpaDecision {
  return { replicas: current, scaled: false, reason, message, desiredFromMetrics, conditions, metrics, state };
}

function rescaled(
  config: HpaConfig,
  state: HpaState,
  current: number,
  next: number,
  nowMs: number,
  reason: HpaReason,
  why: string,
  desiredFromMetrics: number | null,
  conditions: readonly HpaCondition[],
  metrics: readonly HpaMetricStatus[],
): HpaDecision {
  const events = storeScaleEvent(config, state.scaleUpEvents, state.scaleDownEvents, current, next, nowMs);
  const all = [...conditions.filter((c) => c.type !== 'AbleToScale'), cond('AbleToScale', true, 'SucceededRescale', `the HPA controller was able to update the target scale to ${next}`)];
  return {
    replicas: next,
    scaled: true,
    reason,
    message: `New size: ${next}; reason: ${why}`,
    desiredFromMetrics,
    conditions: all,
    metrics,
    state: { ...state, ...events },
  };
}
