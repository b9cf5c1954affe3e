import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { Topology } from '../../src-preload/contract/topology/index.js';
import { autoscaling } from './export-common.js';
import { childName, type K8sContext } from './export-k8s-meta.js';
import { usualPods } from './export-k8s-scaling.js';

export const OVERLAY_ENVIRONMENTS = ['production', 'development', 'experimental'] as const;
export type OverlayEnvironment = (typeof OVERLAY_ENVIRONMENTS)[number];

export const KUSTOMIZE_API = 'kustomize.config.k8s.io/v1beta1';

/** The namespace an overlay deploys into: the topology's slug and the environment. */
export const overlayNamespace = (ctx: K8sContext, env: OverlayEnvironment): string => childName(ctx.project, env);

export function namespaceManifest(ctx: K8sContext, env: OverlayEnvironment): INamespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: overlayNamespace(ctx, env), labels: { 'app.kubernetes.io/part-of': ctx.project, 'io.devsim.environment': env } },
  };
}

/**
 * An overlay's kustomization: the base in its own namespace, labelled with the environment.
 * Production and experimental run the document as designed; development shrinks every
 * workload to one pod (autoscalers start from one) to fit a laptop cluster.
 */
export function overlayKustomization(doc: Topology, deployed: readonly string[], ctx: K8sContext, env: OverlayEnvironment): Record<string, unknown> {
  const k: Record<string, unknown> = {
    apiVersion: KUSTOMIZE_API,
    kind: 'Kustomization',
    namespace: overlayNamespace(ctx, env),
    resources: ['namespace.yaml', '../../base'],
    labels: [{ pairs: { 'io.devsim.environment': env }, includeTemplates: true }],
  };
  if (env !== 'development') return k;
  const replicas: Array<{ name: string; count: number }> = [];
  const patches: Array<Record<string, unknown>> = [];
  for (const id of deployed) {
    const node = doc.nodes[id]!;
    if (autoscaling(node)) {
      patches.push({ target: { kind: 'HorizontalPodAutoscaler', name: id }, patch: '- op: replace\n  path: /spec/minReplicas\n  value: 1\n' });
    } else if (usualPods(node) > 1) {
      replicas.push({ name: id, count: 1 });
    }
  }
  if (replicas.length > 0) k.replicas = replicas;
  if (patches.length > 0) k.patches = patches;
  return k;
}
