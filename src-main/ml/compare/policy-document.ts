// The document with one scaling policy on every autoscaled node (any node whose scaling is
// not manual), so policies are compared on the same topology, scenario and seeds. Each node
// keeps its reactive settings (min/max, target, sync, stabilisation) and its buffer.
import type { Scaling, Topology } from '../../../src-preload/contract/index.js';

export type ComparedPolicy = 'hpa' | 'predictive' | 'learned';
export const COMPARED_POLICIES: readonly ComparedPolicy[] = ['hpa', 'predictive', 'learned'];

/** Default buffer for nodes that were not predictive already (AWS's default is 300 s too). */
export const DEFAULT_BUFFER_S = 300;

export function autoscaledNodes(doc: Topology): string[] {
  return Object.entries(doc.nodes)
    .filter(([, node]) => 'scaling' in node && node.scaling !== undefined && node.scaling.policy !== 'manual')
    .map(([id]) => id);
}

export function withPolicy(doc: Topology, policy: ComparedPolicy, model?: string): Topology {
  const ids = autoscaledNodes(doc);
  if (ids.length === 0) throw new Error(`${doc.metadata.name}: no node is autoscaled; give a node a scaling policy (hpa, predictive or learned) to compare policies on it`);
  const nodes = { ...doc.nodes };
  for (const id of ids) {
    const node = nodes[id]!;
    if (!('scaling' in node) || node.scaling === undefined || node.scaling.policy === 'manual') continue;
    const s = node.scaling;
    const reactive = { minReplicas: s.minReplicas, maxReplicas: s.maxReplicas, targetCpuPercent: s.targetCpuPercent, tolerance: s.tolerance, syncPeriodS: s.syncPeriodS, scaleDownStabilizationS: s.scaleDownStabilizationS };
    const named = model === undefined ? {} : { model };
    const scaling: Scaling =
      policy === 'hpa'
        ? { policy, ...reactive }
        : policy === 'predictive'
          ? { policy, ...reactive, bufferS: s.policy === 'predictive' ? s.bufferS : DEFAULT_BUFFER_S, ...named }
          : { policy, ...reactive, ...named };
    nodes[id] = { ...node, scaling } as typeof node;
  }
  return { ...doc, nodes };
}
