import type Dockerode from 'dockerode';
import { ContractError } from '../../../src-preload/contract/index.js';
import type { BringUpProgress } from '../../../src-preload/contract/bring-up.js';
import { toContractError } from '../docker-errors.js';
import { createOptions } from './container-options.js';
import { LABELS, type BringUpPlan, type PlannedContainer, type PlannedNode } from './plan.js';
import { rollBack } from './roll-back.js';
import { cancelled, waitReady } from './wait-ready.js';

export interface ExecuteOptions {
  signal: AbortSignal;
  onProgress: (progress: BringUpProgress) => void;
  /** Per container, to turn ready. */
  timeoutMs: number;
  probeHost?: string;
}

export interface BringUpResult {
  network: string;
  containers: string[];
}

/**
 * Creates what the plan says, in its order: the network, then the containers level by level
 * (a node with all its dependencies ready starts beside the others of its level), each level
 * waited on until ready before the next. Any failure or a cancel removes
 * everything this bring-up created (and nothing else) before the error is thrown.
 */
export async function executeBringUp(docker: Dockerode, plan: BringUpPlan, options: ExecuteOptions): Promise<BringUpResult> {
  const total = plan.nodes.reduce((sum, n) => sum + n.containers.length, 0);
  let current = 0;
  const report = (phase: BringUpProgress['phase'], message: string, at?: PlannedContainer): void =>
    options.onProgress({
      bringUpId: plan.bringUpId,
      topologyId: plan.topology,
      phase,
      message,
      current,
      total,
      ...(at ? { node: at.node, container: at.name } : {}),
    });
  const created = { network: undefined as string | undefined, containers: [] as string[] };
  const check = (): void => {
    if (options.signal.aborted) throw cancelled();
  };

  try {
    report('checking', `Checking ${plan.nodes.length} image(s) and what is already up for "${plan.topology}"`);
    await checkImages(docker, plan);
    await checkNothingUp(docker, plan);
    check();

    report('network', `Creating network ${plan.network.name}`);
    const network = await docker.createNetwork({ Name: plan.network.name, Driver: 'bridge', CheckDuplicate: true, Labels: plan.network.labels });
    created.network = network.id;

    // Nodes whose dependencies are all ready start together; the next level waits for them.
    for (const level of startLevels(plan.nodes)) {
      check();
      const containers = level.flatMap((n) => n.containers);
      await settleAll(
        containers.map(async (container) => {
          report('creating', `Creating ${container.name} from ${container.image}`, container);
          const made = await docker.createContainer(createOptions(container, plan.network.name)).catch((err: unknown) => {
            throw described(err, container);
          });
          created.containers.push(made.id);
          report('starting', `Starting ${container.name}`, container);
          await made.start().catch((err: unknown) => {
            throw described(err, container);
          });
        }),
      );
      check();
      // The first container that fails stops the others' waiting: no point in running out their timeouts.
      const levelWait = new AbortController();
      const stop = (): void => levelWait.abort();
      options.signal.addEventListener('abort', stop, { once: true });
      try {
        await settleAll(
          containers.map(async (container) => {
            report('waiting', `Waiting for ${container.name} to be ready`, container);
            try {
              const how = await waitReady(docker, container, { signal: levelWait.signal, timeoutMs: options.timeoutMs, probeHost: options.probeHost ?? '127.0.0.1' });
              current++;
              report('ready', `${container.name} is ${how === 'healthy' ? 'healthy' : how === 'port' ? 'answering on its port' : 'running'}`, container);
            } catch (err) {
              stop();
              throw err;
            }
          }),
        );
      } finally {
        options.signal.removeEventListener('abort', stop);
      }
    }
    report('done', `"${plan.topology}" is up: ${total} container(s) on ${plan.network.name}`);
    return { network: plan.network.name, containers: plan.nodes.flatMap((n) => n.containers.map((c) => c.name)) };
  } catch (err) {
    const error = err instanceof ContractError ? err : toContractError(err, `bring-up of ${plan.topology}`);
    if (created.network !== undefined || created.containers.length > 0) {
      report('rolling-back', `Removing the ${created.containers.length} container(s) and the network this bring-up created`);
      await rollBack(docker, created);
    }
    report(error.code === 'CANCELLED' ? 'cancelled' : 'failed', error.message);
    throw error;
  }
}

/** The plan's nodes (already in dependency order) grouped so each group depends only on earlier ones. */
export function startLevels(nodes: readonly PlannedNode[]): PlannedNode[][] {
  const depth = new Map<string, number>();
  const levels: PlannedNode[][] = [];
  for (const node of nodes) {
    const d = Math.max(-1, ...node.after.map((a) => depth.get(a) ?? -1)) + 1;
    depth.set(node.node, d);
    (levels[d] ??= []).push(node);
  }
  return levels;
}

/**
 * Waits for every operation (so none is still creating a container when rollback starts),
 * then throws the failure that caused it: a real one before the cancels it set off.
 */
async function settleAll(operations: Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(operations)).filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
  if (failed.length === 0) return;
  throw failed.find((e) => (e as { code?: string }).code !== 'CANCELLED') ?? failed[0];
}

/** A missing image is named with how to get it, before anything is created. */
async function checkImages(docker: Dockerode, plan: BringUpPlan): Promise<void> {
  for (const node of plan.nodes) {
    if (node.containers.length === 0) continue;
    try {
      await docker.getImage(node.image).inspect();
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode !== 404) throw toContractError(err, `image ${node.image}`);
      throw new ContractError(
        'IMAGE_MISSING',
        `Image "${node.image}" of node "${node.node}" is not on this Docker engine. Get it with \`docker pull ${node.image}\` (or build or load it), then bring the topology up again.`,
        `nodes.${node.node}.image`,
      );
    }
  }
}

/** A second bring-up of the same topology would collide on names and ports: tear down first. */
async function checkNothingUp(docker: Dockerode, plan: BringUpPlan): Promise<void> {
  const filters = JSON.stringify({ label: [`${LABELS.topology}=${plan.topology}`] });
  const [containers, networks] = await Promise.all([docker.listContainers({ all: true, filters }), docker.listNetworks({ filters })]);
  const names = [...containers.map((c) => c.Names[0]?.replace(/^\//, '') ?? c.Id), ...networks.map((n) => n.Name)];
  if (names.length > 0) {
    throw new ContractError('CONFLICT', `"${plan.topology}" is already (partly) up: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}. Tear it down first.`, 'topology');
  }
}

function described(err: unknown, container: PlannedContainer): ContractError {
  const error = toContractError(err, `container ${container.name}`);
  if (error.code === 'PORT_IN_USE') {
    const ports = container.ports.map((p) => `${p.hostIp}:${p.hostPort}`).join(', ');
    return new ContractError(
      'PORT_IN_USE',
      `Node "${container.node}" publishes host port ${ports}, which is already taken on this machine. Stop what uses it or change the node's hostPort.`,
      `nodes.${container.node}.ports`,
    );
  }
  return error;
}
