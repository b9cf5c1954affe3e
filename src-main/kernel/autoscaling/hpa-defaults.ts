// Defaults exactly as Kubernetes fills them: pkg/apis/autoscaling/v2/defaults.go
// (minReplicas 1, CPU at 80 % when no metric is given, GenerateHPAScaleUpRules /
// GenerateHPAScaleDownRules) and the kube-controller-manager flags (tolerance 0.1,
// downscale stabilization 300 s, which fills scaleDown.stabilizationWindowSeconds in
// horizontal.go maybeInitScaleDownStabilizationWindow).
import type { HpaConfig, HpaMetricSpec, HpaScalingRules, HpaSpec } from './hpa-types.js';

export const DEFAULT_TOLERANCE = 0.1;
export const DEFAULT_DOWNSCALE_STABILIZATION_S = 300;
/** autoscaling.DefaultCPUUtilization. */
export const DEFAULT_CPU_UTILIZATION = 80;
/** --horizontal-pod-autoscaler-sync-period. */
export const DEFAULT_SYNC_PERIOD_S = 15;

const defaultScaleUp = (tolerance: number): HpaScalingRules => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
  tolerance,
});

const defaultScaleDown = (tolerance: number, windowS: number): HpaScalingRules => ({
  stabilizationWindowSeconds: windowS,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  tolerance,
});

const merge = (given: Partial<HpaScalingRules> | undefined, base: HpaScalingRules): HpaScalingRules => ({
  stabilizationWindowSeconds: given?.stabilizationWindowSeconds ?? base.stabilizationWindowSeconds,
  selectPolicy: given?.selectPolicy ?? base.selectPolicy,
  policies: given?.policies ?? base.policies,
  tolerance: given?.tolerance ?? base.tolerance,
});

const defaultMetrics: readonly HpaMetricSpec[] = [
  { type: 'Resource', name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } },
];

/** Fills every default and checks what the API server would refuse. */
export function resolveHpaConfig(spec: HpaSpec): HpaConfig {
  const tolerance = spec.tolerance ?? DEFAULT_TOLERANCE;
  const windowS = spec.downscaleStabilizationSeconds ?? DEFAULT_DOWNSCALE_STABILIZATION_S;
  const config: HpaConfig = {
    minReplicas: spec.minReplicas ?? 1,
    maxReplicas: spec.maxReplicas,
    metrics: spec.metrics !== undefined && spec.metrics.length > 0 ? spec.metrics : defaultMetrics,
    behavior: {
      scaleUp: merge(spec.behavior?.scaleUp, defaultScaleUp(tolerance)),
      scaleDown: merge(spec.behavior?.scaleDown, defaultScaleDown(tolerance, windowS)),
    },
  };
  validate(config);
  return config;
}

function validate(c: HpaConfig): void {
  const int = (n: number): boolean => Number.isInteger(n);
  if (!int(c.minReplicas) || c.minReplicas < 0) throw new RangeError(`minReplicas must be a whole number ≥ 0, got ${c.minReplicas}`);
  if (!int(c.maxReplicas) || c.maxReplicas < 1) throw new RangeError(`maxReplicas must be a whole number ≥ 1, got ${c.maxReplicas}`);
  if (c.minReplicas > c.maxReplicas) throw new RangeError(`minReplicas (${c.minReplicas}) is above maxReplicas (${c.maxReplicas})`);
  for (const m of c.metrics) {
    const target = m.type === 'Pods' ? m.averageValue : m.target.type === 'Utilization' ? m.target.averageUtilization : m.target.averageValue;
    if (!(target > 0)) throw new RangeError(`metric ${m.name}: the target must be positive, got ${target}`);
  }
  for (const [dir, rules] of Object.entries(c.behavior)) {
    if (rules.stabilizationWindowSeconds < 0 || rules.stabilizationWindowSeconds > 3600) throw new RangeError(`${dir}.stabilizationWindowSeconds must be within 0..3600`);
    if (rules.tolerance < 0) throw new RangeError(`${dir}.tolerance must not be negative`);
    if (rules.selectPolicy !== 'Disabled' && rules.policies.length === 0) throw new RangeError(`${dir} needs at least one policy`);
    for (const p of rules.policies) {
      if (!(p.value > 0) || !int(p.value)) throw new RangeError(`${dir} policy value must be a whole number > 0`);
      if (!(p.periodSeconds > 0) || p.periodSeconds > 1800) throw new RangeError(`${dir} policy periodSeconds must be within 1..1800`);
    }
  }
}
