import type Dockerode from 'dockerode';
import type { BringUpState } from '../../../src-preload/contract/bring-up.js';
import { toContractError } from '../docker-errors.js';
import { LABELS } from './plan.js';

/** What is up, per topology, read back from the engine's labels: the app keeps no state of its own that could go stale. */
export async function findBringUps(docker: Dockerode): Promise<BringUpState[]> {
  const filters = JSON.stringify({ label: [LABELS.topology] });
  try {
    const [containers, networks] = await Promise.all([docker.listContainers({ all: true, filters }), docker.listNetworks({ filters })]);
    const byTopology = new Map<string, BringUpState>();
    const entry = (id: string): BringUpState => {
      let state = byTopology.get(id);
      if (!state) byTopology.set(id, (state = { topologyId: id, bringUpIds: [], networks: [], containers: [] }));
      return state;
    };
    for (const c of containers) {
      const labels = c.Labels ?? {};
      // Containers the compose export starts carry the topology label but no node replica: still the topology's.
      const state = entry(labels[LABELS.topology]!);
      const run = labels[LABELS.run];
      if (run !== undefined && !state.bringUpIds.includes(run)) state.bringUpIds.push(run);
      state.containers.push({
        id: c.Id,
        name: c.Names[0]?.replace(/^\//, '') ?? c.Id,
        node: labels[LABELS.node] ?? '',
        replica: Number(labels[LABELS.replica] ?? 0),
        state: c.State,
        status: c.Status,
      });
    }
    for (const n of networks) entry(n.Labels![LABELS.topology]!).networks.push(n.Name);
    const out = [...byTopology.values()].sort((a, b) => a.topologyId.localeCompare(b.topologyId));
    for (const state of out) state.containers.sort((a, b) => a.name.localeCompare(b.name));
    return out;
  } catch (err) {
    throw toContractError(err, 'the bring-ups on this engine');
  }
}
