// The Kubernetes HPA controller, pure: see hpa-controller.ts.
export { hpaSync } from './hpa-controller.js';
export { resolveHpaConfig, DEFAULT_TOLERANCE, DEFAULT_DOWNSCALE_STABILIZATION_S, DEFAULT_CPU_UTILIZATION, DEFAULT_SYNC_PERIOD_S } from './hpa-defaults.js';
export { hpaFromScaling, type HpaScalingFields, type HpaSetup } from './hpa-from-scaling.js';
export { cpuSampleSetAside, runningPodState, type PodReadinessFacts } from './hpa-readiness.js';
export * from './hpa-types.js';
