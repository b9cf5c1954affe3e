// Whether a pod's CPU sample is set aside as "not yet ready", the rule of groupPods in
// kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator.go, with the
// kube-controller-manager defaults --horizontal-pod-autoscaler-cpu-initialization-period
// (5 min) and --horizontal-pod-autoscaler-initial-readiness-delay (30 s).
import type { HpaPodState } from './hpa-types.js';

export const DEFAULT_CPU_INITIALIZATION_PERIOD_MS = 300_000;
export const DEFAULT_INITIAL_READINESS_DELAY_MS = 30_000;

export interface PodReadinessFacts {
  readonly nowMs: number;
  /** When the pod started (status.startTime); undefined: not started. */
  readonly startedAtMs: number | undefined;
  /** The Ready condition; undefined: none yet. */
  readonly ready: { readonly status: boolean; readonly lastTransitionAtMs: number } | undefined;
  /** When the sample was taken and over what window (metrics-server reports both). */
  readonly sampleAtMs: number;
  readonly sampleWindowMs: number;
}

export function cpuSampleSetAside(
  f: PodReadinessFacts,
  cpuInitializationPeriodMs = DEFAULT_CPU_INITIALIZATION_PERIOD_MS,
  initialReadinessDelayMs = DEFAULT_INITIAL_READINESS_DELAY_MS,
): boolean {
  if (f.ready === undefined || f.startedAtMs === undefined) return true;
  if (f.startedAtMs + cpuInitializationPeriodMs > f.nowMs) {
    // Still initializing: unready, or no full sample window since it became ready.
    return !f.ready.status || f.sampleAtMs < f.ready.lastTransitionAtMs + f.sampleWindowMs;
  }
  // Later: only a pod that has never been ready is set aside.
  return !f.ready.status && f.startedAtMs + initialReadinessDelayMs > f.ready.lastTransitionAtMs;
}

/** The state to give the controller for a running pod. */
export const runningPodState = (f: PodReadinessFacts): HpaPodState => (cpuSampleSetAside(f) ? 'not-yet-ready' : 'ready');
