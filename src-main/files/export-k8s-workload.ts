import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IDeploymentStrategy } from 'kubernetes-models/apps/v1/DeploymentStrategy';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { EnvironmentSettings, HealthCheck, TopologyNode } from '../../src-preload/contract/topology/index.js';
import { STATEFUL_KINDS, autoscaling, dataPath, note, statefulInstances, statelessReplicas, type Notes } from './export-common.js';
import { childName, cpuQuantity, memoryQuantity, nodeLabels, portNames, protocolOf, selectorLabels, storageQuantity, wholeSeconds, type K8sContext } from './export-k8s-meta.js';

/** Probes from the health check; a start period becomes a startup probe, as Compose's start_period lets failures pass. */
function probes(check: HealthCheck): Pick<IContainer, 'readinessProbe' | 'livenessProbe' | 'startupProbe'> {
  const handler: IProbe = check.http ? { httpGet: { path: check.http.path, port: check.http.port } } : { exec: { command: [...(check.command ?? [])] } };
  const period = wholeSeconds(check.intervalS);
  const probe: IProbe = { ...handler, periodSeconds: period, timeoutSeconds: wholeSeconds(check.timeoutS), failureThreshold: check.retries };
  const out: Pick<IContainer, 'readinessProbe' | 'livenessProbe' | 'startupProbe'> = { readinessProbe: probe, livenessProbe: { ...probe } };
  if (check.startPeriodS > 0) out.startupProbe = { ...probe, failureThreshold: Math.ceil(check.startPeriodS / period) + check.retries };
  return out;
}

/** The one container of a node's pod. The document's `command` replaces the image's CMD, which Kubernetes calls `args`. */
export function container(id: string, node: TopologyNode & { image: string }, env: IEnvVar[]): IContainer {
  const names = portNames(node.ports);
  const c: IContainer = { name: id, image: node.image };
  if (node.command && node.command.length > 0) c.args = [...node.command];
  if (node.ports.length > 0) c.ports = node.ports.map((p, i) => ({ name: names[i]!, containerPort: p.port, protocol: protocolOf(p) }));
  if (env.length > 0) c.env = env;
  const amount = { cpu: cpuQuantity(node.resources.cpu), memory: memoryQuantity(node.resources.memoryMiB) };
  c.resources = { requests: { ...amount }, limits: { ...amount } };
  if (node.healthCheck) Object.assign(c, probes(node.healthCheck));
  const path = dataPath(node);
  if (path !== undefined && STATEFUL_KINDS.has(node.kind)) c.volumeMounts = [{ name: 'data', mountPath: path }];
  return c;
}

/** How a Deployment rolls out, from the environment's deployment settings. */
function strategy(id: string, deployment: EnvironmentSettings['deployment'], notes: Notes): IDeploymentStrategy {
  if (deployment.method === 'recreate') return { type: 'Recreate' };
  if (deployment.method === 'blue-green' || deployment.method === 'canary') {
    note(notes, 'info', 'k8s-progressive-delivery', `nodes.${id}`, `A ${deployment.method} rollout needs a progressive-delivery controller (e.g. Argo Rollouts); "${id}" gets a plain rolling update.`);
  }
  // Zero downtime: never fewer ready pods than wanted during a rollout.
  return deployment.zeroDowntime ? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } : { type: 'RollingUpdate' };
}

/** Storage each stateful kind asks for; only PostgreSQL's is in the document. */
function storage(id: string, node: TopologyNode, notes: Notes): string {
  if (node.kind === 'postgres') return storageQuantity(node.storageGiB);
  // Room for an RDB snapshot and the append-only file beside the data set.
  if (node.kind === 'redis') return storageQuantity(Math.max(1, Math.ceil((2 * node.maxMemoryMiB) / 1024)));
  note(notes, 'info', 'k8s-storage-size', `nodes.${id}`, `The document gives no disk size for "${id}"; its volume claim asks for 10Gi.`);
  return '10Gi';
}

export type Workload = IDeployment | IStatefulSet;

/**
 * A Deployment, or for the kinds that keep data a StatefulSet with one volume claim per
 * pod and `serviceName` pointing at the headless Service.
 */
export function workload(id: string, node: TopologyNode & { image: string }, env: IEnvVar[], settings: EnvironmentSettings, ctx: K8sContext, notes: Notes): Workload {
  const labels = nodeLabels(id, node, ctx);
  const metadata = { name: id, labels };
  const annotations: Record<string, string> = {};
  if (node.group !== undefined) annotations['io.devsim.group'] = node.group;
  const template = { metadata: Object.keys(annotations).length > 0 ? { labels, annotations } : { labels }, spec: { containers: [container(id, node, env)] } };
  const selector = { matchLabels: selectorLabels(id, ctx) };

  if (STATEFUL_KINDS.has(node.kind)) {
    const c = template.spec.containers[0]!;
    // The volume's root holds lost+found, which initdb refuses: give PostgreSQL a folder inside.
    if (node.kind === 'postgres' && dataPath(node) === '/var/lib/postgresql/data' && !('PGDATA' in node.env)) {
      c.env = [...(c.env ?? []), { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }];
    }
    const replicas = statefulInstances(node);
    if (replicas > 1) {
      note(notes, 'warning', 'k8s-stateful-clustering', `nodes.${id}`, `"${id}" runs ${replicas} ${node.kind} pods with their own volumes; joining them into one cluster (replication, brokers, discovery) is the image's or an operator's job and is not configured here.`);
    }
    return {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata,
      spec: {
        serviceName: childName(id, 'headless'),
        replicas,
        selector,
        template,
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: storage(id, node, notes) } } } }],
      },
    };
  }

  const spec: NonNullable<IDeployment['spec']> = { selector, template, strategy: strategy(id, settings.deployment, notes) };
  // With an autoscaler the Deployment leaves replicas out, as the HPA docs advise, so that
  // applying the manifest again does not undo the autoscaler's choice.
  if (!autoscaling(node)) spec.replicas = statelessReplicas(node);
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec };
}
