import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { TopologyNode } from '../../src-preload/contract/topology/index.js';
import { STATEFUL_KINDS, autoscaling, note, statefulInstances, statelessReplicas, type Notes } from './export-common.js';
import { nodeLabels, selectorLabels, type K8sContext } from './export-k8s-meta.js';

/** A CPU HorizontalPodAutoscaler (autoscaling/v2) for a node whose scaling is not manual. */
export function autoscaler(id: string, node: TopologyNode, ctx: K8sContext, notes: Notes): IHorizontalPodAutoscaler | undefined {
  const scaling = autoscaling(node);
  if (!scaling) return undefined;
  if (scaling.policy !== 'hpa') {
    note(notes, 'info', 'k8s-model-scaling', `nodes.${id}.scaling`, `The ${scaling.policy} policy of "${id}" needs its model behind a controller (e.g. KEDA with an external scaler); the export has a CPU autoscaler with the same bounds as the fallback.`);
  }
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: id, labels: nodeLabels(id, node, ctx) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: STATEFUL_KINDS.has(node.kind) ? 'StatefulSet' : 'Deployment', name: id },
      minReplicas: scaling.min,
      maxReplicas: scaling.max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: Math.max(1, Math.round(scaling.targetCpu)) } } }],
      behavior: { scaleDown: { stabilizationWindowSeconds: Math.round(scaling.scaleDownS) } },
    },
  };
}

/** The pods a node normally runs: the autoscaler's floor, the cluster size, or its replicas. */
export function usualPods(node: TopologyNode): number {
  const scaling = autoscaling(node);
  if (scaling) return scaling.min;
  return STATEFUL_KINDS.has(node.kind) ? statefulInstances(node) : statelessReplicas(node);
}

/** A PodDisruptionBudget for nodes that run two pods or more: a drain takes one at a time. */
export function disruptionBudget(id: string, node: TopologyNode, ctx: K8sContext): IPodDisruptionBudget | undefined {
  if (usualPods(node) < 2) return undefined;
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: id, labels: nodeLabels(id, node, ctx) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(id, ctx) } },
  };
}
