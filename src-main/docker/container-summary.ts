// The engine's container list entry as the contract's summary.
import type Dockerode from 'dockerode';
import { CONTAINER_STATES, MANAGED_LABEL_PREFIX, TOPOLOGY_LABEL, type ContainerSummary } from '../../src-preload/contract/index.js';

export function isManaged(labels: Record<string, string> | undefined): boolean {
  return Object.keys(labels ?? {}).some((key) => key.startsWith(MANAGED_LABEL_PREFIX));
}

export function toSummary(info: Dockerode.ContainerInfo): ContainerSummary {
  const labels = info.Labels ?? {};
  const state = (CONTAINER_STATES as readonly string[]).includes(info.State) ? (info.State as ContainerSummary['state']) : 'dead';
  return {
    id: info.Id,
    name: (info.Names?.[0] ?? info.Id.slice(0, 12)).replace(/^\//, ''),
    image: info.Image,
    state,
    status: info.Status,
    createdAt: new Date(info.Created * 1000).toISOString(),
    ports: (info.Ports ?? []).map((p) => ({
      privatePort: p.PrivatePort,
      type: p.Type,
      ...(p.PublicPort ? { publicPort: p.PublicPort } : {}),
      ...(p.IP ? { ip: p.IP } : {}),
    })),
    labels,
    managed: isManaged(labels),
    topologyId: labels[TOPOLOGY_LABEL] ?? null,
  };
}
