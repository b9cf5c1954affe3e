import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
import type { Topology } from '../../src-preload/contract/topology/index.js';
import { clientAndServer, note, type Notes } from './export-common.js';
import { childName, nodeLabels, protocolOf, type K8sContext } from './export-k8s-meta.js';

const managed = (ctx: K8sContext) => ({ 'app.kubernetes.io/part-of': ctx.project, 'app.kubernetes.io/managed-by': 'devsim' });
const podOf = (id: string) => ({ podSelector: { matchLabels: { 'io.devsim.node': id } } });

/** Zero trust starts from nothing: no pod may send or receive until a policy allows it. */
function defaultDeny(ctx: K8sContext): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny', labels: managed(ctx) },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  };
}

/** Every pod may ask the cluster DNS, or no Service name would resolve. */
function allowDns(ctx: K8sContext): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'allow-dns', labels: managed(ctx) },
    spec: {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
        },
      ],
    },
  };
}

const portKey = (p: INetworkPolicyPort): string => `${p.protocol ?? 'TCP'}/${String(p.port)}`;

/**
 * With zero trust: a default deny, DNS, and per deployed node a policy that admits exactly
 * its links — ingress from the nodes that connect to it on its ports, egress to the nodes
 * it connects to on theirs. A node reached from outside (a load balancer, or one called by
 * a simulated-only client such as a traffic source) admits anyone on its ports.
 */
export function networkPolicies(doc: Topology, deployed: ReadonlySet<string>, ctx: K8sContext, notes: Notes): INetworkPolicy[] {
  const ingress = new Map<string, Map<string, Map<string, INetworkPolicyPort>>>(); // server → client|'*' → ports
  const egress = new Map<string, Map<string, Map<string, INetworkPolicyPort>>>(); // client → server → ports
  const add = (table: typeof ingress, a: string, b: string, ports: INetworkPolicyPort[]): void => {
    let row = table.get(a);
    if (!row) table.set(a, (row = new Map()));
    let cell = row.get(b);
    if (!cell) row.set(b, (cell = new Map()));
    for (const p of ports) cell.set(portKey(p), p);
  };
  const portsOf = (id: string): INetworkPolicyPort[] => doc.nodes[id]!.ports.map((p) => ({ protocol: protocolOf(p), port: p.port }));

  doc.links.forEach((link, i) => {
    const { client, server } = clientAndServer(link);
    if (client === server || !deployed.has(server)) {
      if (deployed.has(client) && !deployed.has(server)) {
        note(notes, 'info', 'k8s-policy-simulated-peer', `links[${i}]`, `"${server}" is simulated only, so no policy lets "${client}" reach it.`);
      }
      return;
    }
    const ports = link.type === 'scrape' && link.port !== undefined ? [{ protocol: 'TCP' as const, port: link.port }] : portsOf(server);
    add(ingress, server, deployed.has(client) ? client : '*', ports);
    if (deployed.has(client)) add(egress, client, server, ports);
  });
  for (const id of deployed) if (doc.nodes[id]!.kind === 'load-balancer') add(ingress, id, '*', portsOf(id));

  const sortedPorts = (cell: Map<string, INetworkPolicyPort>): INetworkPolicyPort[] => [...cell.keys()].sort().map((k) => cell.get(k)!);
  const policies = [defaultDeny(ctx), allowDns(ctx)];
  for (const id of [...deployed].sort()) {
    const node = doc.nodes[id]!;
    const ins = ingress.get(id) ?? new Map<string, Map<string, INetworkPolicyPort>>();
    const outs = egress.get(id) ?? new Map<string, Map<string, INetworkPolicyPort>>();
    const rule = (peer: Record<string, unknown> | undefined, cell: Map<string, INetworkPolicyPort>) => {
      const ports = sortedPorts(cell);
      return { ...(peer ? { peers: [peer] } : {}), ...(ports.length > 0 ? { ports } : {}) };
    };
    const ingressRules = [...ins.keys()].sort().map((client) => {
      const r = rule(client === '*' ? undefined : podOf(client), ins.get(client)!);
      return { ...(r.peers ? { from: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) };
    });
    const egressRules = [...outs.keys()].sort().map((server) => {
      const r = rule(podOf(server), outs.get(server)!);
      return { ...(r.peers ? { to: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) };
    });
    policies.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      // Ends in -allow, so it never meets default-deny or allow-dns whatever the node is called.
      metadata: { name: childName(id, 'allow'), labels: nodeLabels(id, node, ctx) },
      spec: { podSelector: podOf(id).podSelector, policyTypes: ['Ingress', 'Egress'], ingress: ingressRules, egress: egressRules },
    });
  }
  return policies;
}
