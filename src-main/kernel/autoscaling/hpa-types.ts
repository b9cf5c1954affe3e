// Plain data for the Kubernetes HPA controller (hpa-controller.ts). Names follow the
// autoscaling/v2 API (HorizontalPodAutoscalerSpec, HPAScalingRules, MetricSpec) so the
// controller can be read side by side with kubernetes/kubernetes
// pkg/controller/podautoscaler/{horizontal.go,replica_calculator.go}.

/**
 * A pod as the controller sees it (replica_calculator.go groupPods):
 * - `deleting` (deletion timestamp set) and `failed` (terminal) are ignored;
 * - `pending` is set aside for every metric;
 * - `not-yet-ready` (unready, or its CPU sample taken before it became ready within the
 *   CPU initialization period: see hpa-readiness.ts) is set aside for CPU metrics only;
 * - `ready` counts.
 */
export type HpaPodState = 'ready' | 'not-yet-ready' | 'pending' | 'deleting' | 'failed';

export interface HpaPod {
  readonly state: HpaPodState;
  /**
   * Samples by metric (the resource name, e.g. `cpu`, for resource metrics) in milli-units,
   * as the metrics API gives them (Quantity.MilliValue()); absent or undefined: missing.
   */
  readonly values: Readonly<Record<string, number | undefined>>;
  /** Resource requests by resource name in milli-units (cpu 500 = half a core). */
  readonly requests?: Readonly<Record<string, number>>;
}

export type HpaMetricTarget =
  | { readonly type: 'Utilization'; readonly averageUtilization: number }
  | { readonly type: 'AverageValue'; readonly averageValue: number };

/** Per-pod metrics only: object and external metrics are not modelled. */
export type HpaMetricSpec =
  | { readonly type: 'Resource'; readonly name: string; readonly target: HpaMetricTarget }
  | { readonly type: 'Pods'; readonly name: string; readonly averageValue: number };

export type HpaSelectPolicy = 'Max' | 'Min' | 'Disabled';

export interface HpaScalingPolicy {
  readonly type: 'Pods' | 'Percent';
  readonly value: number;
  readonly periodSeconds: number;
}

/** HPAScalingRules with every field filled (GenerateHPAScale{Up,Down}Rules). */
export interface HpaScalingRules {
  readonly stabilizationWindowSeconds: number;
  readonly selectPolicy: HpaSelectPolicy;
  readonly policies: readonly HpaScalingPolicy[];
  /** Usage-ratio tolerance in this direction (HPAConfigurableTolerance; default: the global one). */
  readonly tolerance: number;
}

/** A resolved configuration: build it with resolveHpaConfig (hpa-defaults.ts). */
export interface HpaConfig {
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly metrics: readonly HpaMetricSpec[];
  readonly behavior: { readonly scaleUp: HpaScalingRules; readonly scaleDown: HpaScalingRules };
}

/** What the user writes: anything left out takes the controller's default. */
export interface HpaSpec {
  readonly minReplicas?: number;
  readonly maxReplicas: number;
  readonly metrics?: readonly HpaMetricSpec[];
  readonly behavior?: {
    readonly scaleUp?: Partial<HpaScalingRules>;
    readonly scaleDown?: Partial<HpaScalingRules>;
  };
  /** --horizontal-pod-autoscaler-tolerance (0.1). */
  readonly tolerance?: number;
  /** --horizontal-pod-autoscaler-downscale-stabilization in seconds (300). */
  readonly downscaleStabilizationSeconds?: number;
}

export interface HpaRecommendation {
  readonly replicas: number;
  readonly atMs: number;
}

export interface HpaScaleEvent {
  /** Replicas added (scale-up list) or removed (scale-down list), always positive. */
  readonly change: number;
  readonly atMs: number;
  /** Older than the longest policy period: its slot may be reused (storeScaleEvent). */
  readonly outdated: boolean;
}

/**
 * The controller's memory between syncs (HorizontalController.recommendations,
 * scaleUpEvents, scaleDownEvents), returned by every sync and passed back to the next.
 */
export interface HpaState {
  readonly recommendations: readonly HpaRecommendation[];
  readonly scaleUpEvents: readonly HpaScaleEvent[];
  readonly scaleDownEvents: readonly HpaScaleEvent[];
}

export const initialHpaState: HpaState = { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };

export interface HpaSyncInput {
  /** Simulated time of this sync in milliseconds. */
  readonly nowMs: number;
  /** The target's spec.replicas (what was asked for), not the pods that exist. */
  readonly currentReplicas: number;
  /** Every pod the target's selector matches, in a stable order. */
  readonly pods: readonly HpaPod[];
}

export type HpaReason =
  | 'ScalingDisabled'
  | 'FailedGetResourceMetric'
  | 'FailedGetPodsMetric'
  | 'AboveMaxReplicas'
  | 'BelowMinReplicas'
  | 'TooManyReplicas'
  | 'TooFewReplicas'
  | 'ScaleUpLimit'
  | 'ScaleDownLimit'
  | 'ScaleUpStabilized'
  | 'ScaleDownStabilized'
  | 'SucceededRescale'
  | 'ReadyForNewScale';

export interface HpaCondition {
  readonly type: 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';
  readonly status: boolean;
  readonly reason: string;
  readonly message: string;
}

/** One metric's reading and proposal, the original value as the HPA status reports it. */
export interface HpaMetricStatus {
  readonly name: string;
  readonly proposal: number | null;
  readonly currentAverageUtilization?: number;
  readonly currentAverageValue?: number;
  readonly error?: string;
}

export interface HpaDecision {
  /** spec.replicas after this sync. */
  readonly replicas: number;
  readonly scaled: boolean;
  /** The most telling reason, named like the controller's condition reasons. */
  readonly reason: HpaReason;
  /** The SuccessfulRescale event text when it scaled, else the condition's message. */
  readonly message: string;
  /** The largest metric proposal, before stabilization and limits; null when not computed. */
  readonly desiredFromMetrics: number | null;
  readonly conditions: readonly HpaCondition[];
  readonly metrics: readonly HpaMetricStatus[];
  readonly state: HpaState;
}
