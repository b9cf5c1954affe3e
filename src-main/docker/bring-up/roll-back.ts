import type Dockerode from 'dockerode';

/**
 * Removes exactly the containers (by id) and network this bring-up created, newest first.
 * Best effort: something already gone is fine; one that cannot be removed does not stop the rest.
 */
export async function rollBack(docker: Dockerode, created: { network: string | undefined; containers: string[] }): Promise<void> {
  for (const id of [...created.containers].reverse()) {
    await docker
      .getContainer(id)
      .remove({ force: true, v: true })
      .catch(() => undefined);
  }
  if (created.network !== undefined) await docker.getNetwork(created.network).remove().catch(() => undefined);
}
