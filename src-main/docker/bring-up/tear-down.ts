import type Dockerode from 'dockerode';
import { toContractError } from '../docker-errors.js';
import { LABELS } from './plan.js';

export interface TornDown {
  containers: string[];
  networks: string[];
}

/**
 * Removes the containers, then the networks, that carry `io.devsim.topology=<id>`, whatever
 * bring-up made them. Selecting by label (not by name) is what keeps containers the app did
 * not create out of it, even ones with a look-alike name.
 */
export async function tearDown(docker: Dockerode, topologyId: string): Promise<TornDown> {
  const filters = JSON.stringify({ label: [`${LABELS.topology}=${topologyId}`] });
  const removed: TornDown = { containers: [], networks: [] };
  try {
    // The filter is the engine's; check the label again so a lax engine cannot widen it.
    const containers = (await docker.listContainers({ all: true, filters })).filter((info) => info.Labels?.[LABELS.topology] === topologyId);
    // All at once (the engine stops each in parallel); every removal finishes before a failure is told.
    const results = await Promise.allSettled(
      containers.map(async (info) => {
        await docker
          .getContainer(info.Id)
          .remove({ force: true, v: true })
          .catch((err: unknown) => {
            if ((err as { statusCode?: number }).statusCode !== 404) throw err;
          });
        removed.containers.push(info.Names[0]?.replace(/^\//, '') ?? info.Id);
      }),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const networks = await docker.listNetworks({ filters });
    for (const info of networks) {
      if (info.Labels?.[LABELS.topology] !== topologyId) continue;
      await docker
        .getNetwork(info.Id)
        .remove()
        .catch((err: unknown) => {
          if ((err as { statusCode?: number }).statusCode !== 404) throw err;
        });
      removed.networks.push(info.Name);
    }
  } catch (err) {
    throw toContractError(err, `tear-down of ${topologyId}`);
  }
  return removed;
}
