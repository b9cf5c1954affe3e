// A small scenario for the RL and comparison tests: a compressed 20-minute day (5 → 50
// requests/s and back) into one autoscaled service whose replica serves 10/s at most.
import type { Topology } from '../../../src-preload/contract/index.js';
import { topologySchema } from '../../../src-preload/contract/index.js';

export const SMALL_DAY_S = 1200;

export function smallDayDoc(policy: 'hpa' | 'predictive' | 'learned' = 'hpa'): Topology {
  return topologySchema.parse({
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name: 'small day' },
    nodes: {
      users: { kind: 'traffic-source', rate: { type: 'diurnal', baseRps: 5, peakRps: 50, peakHour: 12, periodS: SMALL_DAY_S }, timeoutMs: 5000 },
      api: {
        kind: 'container',
        replicas: 2,
        startupS: 20,
        queueCapacity: 200,
        serviceTime: { default: { type: 'exponential', meanMs: 100 } },
        scaling: { policy, minReplicas: 1, maxReplicas: 10, targetCpuPercent: 70, syncPeriodS: 15, scaleDownStabilizationS: 120 },
      },
    },
    links: [{ type: 'call', from: 'users', to: 'api', latencyMs: 0 }],
    scenario: { durationS: SMALL_DAY_S, seed: 1, slo: { latencyP99Ms: 600, errorRatePercent: 1 } },
  });
}
