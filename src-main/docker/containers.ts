// Container operations through the engine, with the safety rule: a container the app did
// not create is touched only when a person chose it (explicit), and bulk work skips it.
import type Dockerode from 'dockerode';
import { ContractError, type ContainerActionName, type ContainerSummary } from '../../src-preload/contract/index.js';
import { isManaged, toSummary } from './container-summary.js';
import { toContractError } from './docker-errors.js';

export async function listContainers(docker: Dockerode, scope: 'all' | 'managed' = 'all'): Promise<ContainerSummary[]> {
  const list = (await docker.listContainers({ all: true })).map(toSummary);
  return scope === 'managed' ? list.filter((c) => c.managed) : list;
}

/** One container's summary by id or name; NOT_FOUND when it is not there. */
export async function findContainer(docker: Dockerode, ref: string): Promise<ContainerSummary> {
  let info: Dockerode.ContainerInspectInfo;
  try {
    info = await docker.getContainer(ref).inspect();
  } catch (err) {
    throw toContractError(err, `container ${ref}`);
  }
  const [entry] = await docker.listContainers({ all: true, filters: { id: [info.Id] } });
  if (!entry) throw new ContractError('NOT_FOUND', `container ${ref}: removed while being looked up`, `container ${ref}`);
  return toSummary(entry);
}

/** FORBIDDEN unless the app created it or a person picked it. */
export function assertMayTouch(container: ContainerSummary, explicit: boolean): void {
  if (container.managed || explicit) return;
  throw new ContractError(
    'FORBIDDEN',
    `container ${container.name} was not created by this app; act on it from the Containers list (an explicit, single-container action)`,
    `container ${container.name}`,
  );
}

/** Sends one lifecycle action to the engine; the caller decides what its errors mean. */
export async function sendAction(container: Dockerode.Container, action: ContainerActionName, timeout: { t?: number }): Promise<void> {
  switch (action) {
    case 'start':
      await container.start();
      break;
    case 'stop':
      await container.stop(timeout);
      break;
    case 'restart':
      await container.restart(timeout);
      break;
    case 'pause':
      await container.pause();
      break;
    case 'unpause':
      await container.unpause();
      break;
    case 'kill':
      await container.kill();
      break;
  }
}

export async function containerAction(
  docker: Dockerode,
  ref: string,
  action: ContainerActionName,
  options: { explicit: boolean; timeoutS?: number | undefined },
): Promise<ContainerSummary> {
  const target = await findContainer(docker, ref);
  assertMayTouch(target, options.explicit);
  const container = docker.getContainer(target.id);
  const timeout = options.timeoutS === undefined ? {} : { t: options.timeoutS };
  try {
    await sendAction(container, action, timeout);
  } catch (err) {
    // 304: already in the asked state (started twice, stopped twice): not an error.
    if ((err as { statusCode?: number }).statusCode !== 304) throw toContractError(err, `${action} container ${target.name}`);
  }
  return findContainer(docker, target.id);
}

export async function inspectContainer(docker: Dockerode, ref: string): Promise<Record<string, unknown>> {
  try {
    return (await docker.getContainer(ref).inspect()) as unknown as Record<string, unknown>;
  } catch (err) {
    throw toContractError(err, `container ${ref}`);
  }
}

export async function removeContainer(docker: Dockerode, ref: string, options: { force: boolean; explicit: boolean }): Promise<string> {
  const target = await findContainer(docker, ref);
  assertMayTouch(target, options.explicit);
  try {
    await docker.getContainer(target.id).remove({ force: options.force, v: true });
  } catch (err) {
    throw toContractError(err, `remove container ${target.name}`);
  }
  return target.id;
}

export interface BulkRemoveResult {
  removed: string[];
  skipped: { id: string; reason: string }[];
  cancelled: boolean;
}

/** Removes the app's containers among `ids` and/or of one topology; others are skipped, never removed. */
export async function removeManagedContainers(
  docker: Dockerode,
  selection: { ids?: string[] | undefined; topologyId?: string | undefined; force: boolean },
  progress: (done: number, total: number, message: string) => void,
  signal: AbortSignal,
): Promise<BulkRemoveResult> {
  const all = await listContainers(docker);
  const wanted = new Set(selection.ids ?? []);
  const matches = (c: ContainerSummary): boolean =>
    wanted.has(c.id) || wanted.has(c.name) || [...wanted].some((w) => w.length >= 12 && c.id.startsWith(w)) || (selection.topologyId !== undefined && c.topologyId === selection.topologyId);
  const chosen = all.filter(matches);
  const skipped = chosen.filter((c) => !isManaged(c.labels)).map((c) => ({ id: c.id, reason: `${c.name} was not created by this app` }));
  const found = new Set(chosen.flatMap((c) => [c.id, c.name]));
  for (const id of wanted) if (![...found].some((f) => f === id || f.startsWith(id))) skipped.push({ id, reason: 'no such container' });
  const targets = chosen.filter((c) => isManaged(c.labels));
  const removed: string[] = [];
  for (const c of targets) {
    if (signal.aborted) return { removed, skipped, cancelled: true };
    progress(removed.length, targets.length, `removing ${c.name}`);
    try {
      await docker.getContainer(c.id).remove({ force: selection.force, v: true });
      removed.push(c.id);
    } catch (err) {
      const e = toContractError(err, `container ${c.name}`);
      if (e.code === 'NOT_FOUND') removed.push(c.id); // gone already: what we wanted
      else skipped.push({ id: c.id, reason: e.message });
    }
  }
  progress(removed.length, targets.length, `removed ${removed.length} of ${targets.length}`);
  return { removed, skipped, cancelled: false };
}
