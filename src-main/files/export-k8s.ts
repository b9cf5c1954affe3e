import type { Topology } from '../../src-preload/contract/topology/index.js';
import { deployable, note, slugify, sortedIds, toYaml, type ExportNote, type Notes } from './export-common.js';
import { environment } from './export-k8s-config.js';
import type { K8sContext, Manifest } from './export-k8s-meta.js';
import { networkPolicies } from './export-k8s-network.js';
import { KUSTOMIZE_API, OVERLAY_ENVIRONMENTS, namespaceManifest, overlayKustomization } from './export-k8s-overlays.js';
import { autoscaler, disruptionBudget } from './export-k8s-scaling.js';
import { services } from './export-k8s-service.js';
import { workload } from './export-k8s-workload.js';

export interface KubernetesExport {
  /** Path (relative to the export folder, `/`-separated) → YAML text; one object per file. */
  files: Record<string, string>;
  notes: ExportNote[];
}

/** A file name for an object: its kind in lower case, with the name when it differs from the node. */
const fileFor = (folder: string, m: Manifest, id: string): string => {
  const kind = m.kind.toLowerCase();
  const name = m.metadata?.name ?? id;
  return name === id ? `${folder}/${kind}.yaml` : `${folder}/${kind}-${name}.yaml`;
};

/**
 * A Kustomize layout for the document: `base/` with a folder per node that has an image
 * (workload, Services, autoscaler, disruption budget, ConfigMap, Secret, network policy)
 * and `overlays/<environment>/` for production, development and experimental. Pure: the
 * same document always gives the same files.
 */
export function exportKubernetes(doc: Topology): KubernetesExport {
  const notes: Notes = [];
  const ctx: K8sContext = { project: slugify(doc.metadata.name) };
  const header = `Kubernetes manifest exported by DevOps Simulator from "${doc.metadata.name}".`;
  const files: Record<string, string> = {};
  const resources: string[] = [];
  const put = (path: string, value: unknown, listed: boolean): void => {
    if (Object.hasOwn(files, path)) throw new Error(`two manifests for ${path}`); // a bug: names are unique by construction
    files[path] = toYaml(value, header);
    if (listed) resources.push(path.slice('base/'.length));
  };

  for (const id of sortedIds(doc)) {
    const node = doc.nodes[id]!;
    if (node.image === undefined) note(notes, 'info', 'k8s-simulated-only', `nodes.${id}`, `"${id}" (${node.kind}) has no image, so it exists only in the simulator and has no manifests.`);
  }
  const nodes = deployable(doc);
  for (const [id, node] of nodes) {
    const folder = `base/${id}`;
    const env = environment(id, node, ctx, notes);
    const manifests: Manifest[] = [workload(id, node, env.env, doc.settings, ctx, notes), ...services(id, node, ctx, notes)];
    const hpa = autoscaler(id, node, ctx, notes);
    if (hpa) manifests.push(hpa);
    const pdb = disruptionBudget(id, node, ctx);
    if (pdb) manifests.push(pdb);
    if (env.configMap) manifests.push(env.configMap);
    if (env.secret) manifests.push(env.secret);
    for (const m of manifests) put(fileFor(folder, m, id), m, true);
  }

  const deployed = nodes.map(([id]) => id);
  if (doc.settings.security.accessControl === 'zero-trust') {
    for (const policy of networkPolicies(doc, new Set(deployed), ctx, notes)) {
      const id = policy.metadata?.labels?.['io.devsim.node'];
      put(id !== undefined ? `base/${id}/networkpolicy.yaml` : `base/networkpolicy-${policy.metadata?.name ?? ''}.yaml`, policy, true);
    }
  }

  resources.sort();
  put('base/kustomization.yaml', { apiVersion: KUSTOMIZE_API, kind: 'Kustomization', resources }, false);
  for (const env of OVERLAY_ENVIRONMENTS) {
    put(`overlays/${env}/namespace.yaml`, namespaceManifest(ctx, env), false);
    put(`overlays/${env}/kustomization.yaml`, overlayKustomization(doc, deployed, ctx, env), false);
  }
  const sorted: Record<string, string> = {};
  for (const path of Object.keys(files).sort()) sorted[path] = files[path]!;
  return { files: sorted, notes };
}
