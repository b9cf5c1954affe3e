// Stabilization windows and rate-limiting policies, as kubernetes/kubernetes
// pkg/controller/podautoscaler/horizontal.go does them (stabilizeRecommendationWithBehaviors,
// convertDesiredReplicasWithBehaviorRate, calculateScaleUpLimitWithScalingRules,
// calculateScaleDownLimitWithBehaviors, storeScaleEvent). Go's time.After/Before are strict,
// so a sample exactly one window old no longer counts; the slot reuse of the Go slices is
// kept too, because outdated scale-up events still count for a longer scale-down period.
import type { HpaConfig, HpaRecommendation, HpaScaleEvent, HpaScalingRules } from './hpa-types.js';

const INT32_MAX = 2_147_483_647;
const INT32_MIN = -2_147_483_648;

export interface Stabilized {
  readonly replicas: number;
  readonly reason: 'ScaleUpStabilized' | 'ScaleDownStabilized';
  readonly message: string;
  readonly recommendations: readonly HpaRecommendation[];
}

/**
 * Clamps the current count between the lowest recommendation of the scale-up window and the
 * highest of the scale-down window, then records the unstabilized recommendation.
 */
export function stabilize(config: HpaConfig, recs: readonly HpaRecommendation[], current: number, desired: number, nowMs: number): Stabilized {
  const upCutoff = nowMs - config.behavior.scaleUp.stabilizationWindowSeconds * 1000;
  const downCutoff = nowMs - config.behavior.scaleDown.stabilizationWindowSeconds * 1000;
  let up = desired;
  let down = desired;
  let oldIndex = -1;
  recs.forEach((rec, i) => {
    if (rec.atMs > upCutoff) up = Math.min(rec.replicas, up);
    if (rec.atMs > downCutoff) down = Math.max(rec.replicas, down);
    if (rec.atMs < upCutoff && rec.atMs < downCutoff) oldIndex = i;
  });
  let replicas = current;
  if (replicas < up) replicas = up;
  if (replicas > down) replicas = down;

  const fresh: HpaRecommendation = { replicas: desired, atMs: nowMs };
  const recommendations = oldIndex >= 0 ? recs.map((r, i) => (i === oldIndex ? fresh : r)) : [...recs, fresh];
  return desired >= current
    ? { replicas, recommendations, reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' }
    : { replicas, recommendations, reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
}

/** getReplicasChangePerPeriod. */
function changeInPeriod(periodSeconds: number, events: readonly HpaScaleEvent[], nowMs: number): number {
  const cutoff = nowMs - periodSeconds * 1000;
  let sum = 0;
  for (const e of events) if (e.atMs > cutoff) sum += e.change;
  return sum;
}

function scaleUpLimit(current: number, up: readonly HpaScaleEvent[], down: readonly HpaScaleEvent[], rules: HpaScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pickMin = rules.selectPolicy === 'Min';
  let result = pickMin ? INT32_MAX : INT32_MIN;
  for (const p of rules.policies) {
    const start = current - changeInPeriod(p.periodSeconds, up, nowMs) + changeInPeriod(p.periodSeconds, down, nowMs);
    // Rounded up, or a small percentage would never add a pod.
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

function scaleDownLimit(current: number, up: readonly HpaScaleEvent[], down: readonly HpaScaleEvent[], rules: HpaScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  // For scaling down the smallest change is the largest count, so Min takes the maximum.
  const pickLargest = rules.selectPolicy === 'Min';
  let result = pickLargest ? INT32_MIN : INT32_MAX;
  for (const p of rules.policies) {
    const start = current - changeInPeriod(p.periodSeconds, up, nowMs) + changeInPeriod(p.periodSeconds, down, nowMs);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pickLargest ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

export type LimitReason = 'DesiredWithinRange' | 'ScaleUpLimit' | 'TooManyReplicas' | 'ScaleDownLimit' | 'TooFewReplicas';

export interface RateLimited {
  readonly replicas: number;
  readonly reason: LimitReason;
  readonly message: string;
}

/** convertDesiredReplicasWithBehaviorRate: the policies, then min/max. */
export function rateLimit(
  config: HpaConfig,
  up: readonly HpaScaleEvent[],
  down: readonly HpaScaleEvent[],
  current: number,
  desired: number,
  nowMs: number,
): RateLimited {
  if (desired > current) {
    const limit = Math.max(current, scaleUpLimit(current, up, down, config.behavior.scaleUp, nowMs));
    const byRate = config.maxReplicas > limit;
    const allowed = byRate ? limit : config.maxReplicas;
    if (desired > allowed) {
      return byRate
        ? { replicas: allowed, reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' }
        : { replicas: allowed, reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' };
    }
  } else if (desired < current) {
    const limit = Math.min(current, scaleDownLimit(current, up, down, config.behavior.scaleDown, nowMs));
    const byRate = config.minReplicas < limit;
    const allowed = byRate ? limit : config.minReplicas;
    if (desired < allowed) {
      return byRate
        ? { replicas: allowed, reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' }
        : { replicas: allowed, reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
    }
  }
  return { replicas: desired, reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
}

const longestPeriod = (rules: HpaScalingRules): number => rules.policies.reduce((m, p) => Math.max(m, p.periodSeconds), 0);

/** storeScaleEvent: mark events older than the longest period, reuse the last such slot or append. */
export function storeScaleEvent(
  config: HpaConfig,
  up: readonly HpaScaleEvent[],
  down: readonly HpaScaleEvent[],
  previous: number,
  next: number,
  nowMs: number,
): { scaleUpEvents: readonly HpaScaleEvent[]; scaleDownEvents: readonly HpaScaleEvent[] } {
  const store = (events: readonly HpaScaleEvent[], rules: HpaScalingRules, change: number): HpaScaleEvent[] => {
    const cutoff = nowMs - longestPeriod(rules) * 1000;
    const marked = events.map((e) => (!e.outdated && e.atMs < cutoff ? { ...e, outdated: true } : e));
    let reuse = -1;
    marked.forEach((e, i) => {
      if (e.outdated) reuse = i;
    });
    const fresh: HpaScaleEvent = { change, atMs: nowMs, outdated: false };
    if (reuse >= 0) marked[reuse] = fresh;
    else marked.push(fresh);
    return marked;
  };
  return next > previous
    ? { scaleUpEvents: store(up, config.behavior.scaleUp, next - previous), scaleDownEvents: down }
    : { scaleUpEvents: up, scaleDownEvents: store(down, config.behavior.scaleDown, previous - next) };
}
