import type { Topology } from '../../src-preload/contract/topology/index.js';
import { autoscaling, deployable, note, slugify, sortedIds, toYaml, type ExportNote, type Notes } from './export-common.js';
import { dependsOn } from './export-compose-deps.js';
import { restoreImported } from './export-compose-restore.js';
import { PUBLISH_ADDRESS, composeService } from './export-compose-service.js';

export interface ComposeExport {
  yaml: string;
  notes: ExportNote[];
}

/** The one user-defined network every service joins. */
export const COMPOSE_NETWORK = 'devsim';

/**
 * A Compose Specification file for the document: one service per node that has an image,
 * on one network, with ports published on 127.0.0.1 only. Pure: the same document always
 * gives the same text.
 */
export function exportCompose(doc: Topology): ComposeExport {
  const notes: Notes = [];
  const project = slugify(doc.metadata.name);
  const labels = { 'io.devsim.topology': project };

  for (const id of sortedIds(doc)) {
    const node = doc.nodes[id]!;
    if (node.image === undefined) {
      note(notes, 'info', 'compose-simulated-only', `nodes.${id}`, `"${id}" (${node.kind}) has no image, so it exists only in the simulator and has no service.`);
    }
  }

  const nodes = deployable(doc);
  const deps = dependsOn(doc, new Set(nodes.map(([id]) => id)), notes);
  const services: Record<string, unknown> = {};
  const volumes: Record<string, unknown> = {};
  for (const [id, node] of nodes) {
    const { service, volume } = composeService(id, node, project, COMPOSE_NETWORK, notes);
    const waits = deps.get(id);
    if (waits) service.depends_on = waits;
    services[id] = service;
    if (volume !== undefined) volumes[volume] = { labels: { ...labels, 'io.devsim.node': id } };
    const scaling = autoscaling(node);
    if (scaling) {
      note(notes, 'info', 'compose-no-autoscaling', `nodes.${id}.scaling`, `Compose does not autoscale; "${id}" runs a fixed number of replicas (the Kubernetes export has its ${scaling.min}–${scaling.max} autoscaler).`);
    }
    if (node.kind === 'prometheus') {
      note(notes, 'info', 'compose-prometheus-config', `nodes.${id}`, `"${id}" starts with its image's default prometheus.yml; mount a configuration with the scrape targets (the alert rules come from the Prometheus rules export).`);
    }
    if (node.kind === 'load-balancer') {
      note(notes, 'info', 'compose-proxy-config', `nodes.${id}`, `"${id}" (${node.product}) starts with its image's default configuration; mount one that forwards to its upstreams.`);
    }
  }

  const file: Record<string, unknown> = { name: project, services };
  file.networks = { [COMPOSE_NETWORK]: { labels } };
  if (Object.keys(volumes).length > 0) file.volumes = volumes;
  restoreImported(doc, file, services, notes);

  const comment = [
    `Docker Compose file exported by DevOps Simulator from "${doc.metadata.name}".`,
    `Published ports bind to ${PUBLISH_ADDRESS} only; change the address to reach them from other machines.`,
    'Nodes without an image are simulated only and have no service here.',
  ].join('\n');
  return { yaml: toYaml(file, comment), notes };
}
