// The topology document's `scaling` block (policy hpa) → the HPA controller's configuration.
// The document names only what people tune; everything else keeps the Kubernetes default.
import type { Scaling } from '../../../src-preload/contract/index.js';
import { resolveHpaConfig } from './hpa-defaults.js';
import type { HpaConfig } from './hpa-types.js';

/** The fields hpa, predictive and learned share (the reactive part of each). */
export type HpaScalingFields = Pick<
  Extract<Scaling, { policy: 'hpa' }>,
  'minReplicas' | 'maxReplicas' | 'targetCpuPercent' | 'tolerance' | 'syncPeriodS' | 'scaleDownStabilizationS'
>;

export interface HpaSetup {
  readonly config: HpaConfig;
  /** Call hpaSync this often (--horizontal-pod-autoscaler-sync-period). */
  readonly syncPeriodMs: number;
}

export function hpaFromScaling(s: HpaScalingFields): HpaSetup {
  return {
    config: resolveHpaConfig({
      minReplicas: s.minReplicas,
      maxReplicas: s.maxReplicas,
      metrics: [{ type: 'Resource', name: 'cpu', target: { type: 'Utilization', averageUtilization: s.targetCpuPercent } }],
      tolerance: s.tolerance,
      downscaleStabilizationSeconds: s.scaleDownStabilizationS,
    }),
    syncPeriodMs: s.syncPeriodS * 1000,
  };
}
