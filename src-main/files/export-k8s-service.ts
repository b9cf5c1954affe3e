import type { IService } from 'kubernetes-models/v1/Service';
import type { TopologyNode } from '../../src-preload/contract/topology/index.js';
import { STATEFUL_KINDS, note, type Notes } from './export-common.js';
import { childName, nodeLabels, portNames, protocolOf, selectorLabels, type K8sContext } from './export-k8s-meta.js';

/**
 * The Services of a node: a ClusterIP Service named after the node (so other nodes reach it
 * by the same name as in Compose), of type LoadBalancer for a load-balancer node, and for
 * the kinds that keep data the headless Service their StatefulSet names its pods through.
 */
export function services(id: string, node: TopologyNode, ctx: K8sContext, notes: Notes): IService[] {
  const out: IService[] = [];
  const names = portNames(node.ports);
  const external = node.kind === 'load-balancer';
  const labels = nodeLabels(id, node, ctx);
  const selector = selectorLabels(id, ctx);
  const ports = node.ports.map((p, i) => ({
    name: names[i]!,
    // A load balancer listens outside on the host port the document publishes.
    port: external ? (p.hostPort ?? p.port) : p.port,
    targetPort: names[i]!,
    protocol: protocolOf(p),
  }));
  node.ports.forEach((p, i) => {
    if (p.hostPort !== undefined && !external) {
      note(notes, 'info', 'k8s-host-port', `nodes.${id}.ports[${i}].hostPort`, `Host port ${p.hostPort} has no place in a cluster; reach "${id}" with kubectl port-forward or an Ingress.`);
    }
  });
  if (STATEFUL_KINDS.has(node.kind)) {
    out.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: childName(id, 'headless'), labels },
      // Pods get DNS names before they are ready, so cluster members can find each other.
      spec: { clusterIP: 'None', publishNotReadyAddresses: true, selector, ...(ports.length > 0 ? { ports } : {}) },
    });
  }
  if (ports.length === 0) {
    note(notes, 'info', 'k8s-no-ports', `nodes.${id}.ports`, `"${id}" declares no ports, so it gets no Service.`);
    return out;
  }
  out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: id, labels }, spec: { type: external ? 'LoadBalancer' : 'ClusterIP', selector, ports } });
  return out;
}
