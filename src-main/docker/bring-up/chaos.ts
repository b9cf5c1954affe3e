import type Dockerode from 'dockerode';
import type { ChaosActionName, ChaosEvent } from '../../../src-preload/contract/bring-up.js';
import { ContractError } from '../../../src-preload/contract/index.js';
import { sendAction } from '../containers.js';
import { toContractError } from '../docker-errors.js';
import { LABELS } from './plan.js';

const SEVERITY: Record<ChaosActionName, ChaosEvent['severity']> = { kill: 'critical', pause: 'warning', restart: 'warning', unpause: 'info' };
const WORDS: Record<ChaosActionName, string> = { kill: 'killed', pause: 'paused', unpause: 'unpaused', restart: 'restarted' };

/**
 * Kill, pause, unpause or restart one container a bring-up created, and say what happened as
 * a timeline event in the run events' shape (type `docker-<action>`, target the node). A
 * container without the topology label is refused: chaos never lands on someone else's.
 */
export async function chaosAction(docker: Dockerode, ref: string, action: ChaosActionName, now = new Date()): Promise<ChaosEvent> {
  const what = `${action} container ${ref}`;
  try {
    const container = docker.getContainer(ref);
    const info = await container.inspect();
    const labels = info.Config.Labels ?? {};
    const topologyId = labels[LABELS.topology];
    const name = info.Name.replace(/^\//, '');
    if (topologyId === undefined) {
      throw new ContractError('FORBIDDEN', `${name} was not created by a bring-up (no ${LABELS.topology} label); chaos acts only on a topology's own containers.`, 'id');
    }
    await sendAction(container, action, { t: 2 });
    const started = await topologyStart(docker, topologyId, info.Created);
    const node = labels[LABELS.node] ?? name;
    return {
      tMs: Math.max(0, now.getTime() - started),
      type: `docker-${action}`,
      target: node,
      message: `Container ${name} of node "${node}" ${WORDS[action]} (real Docker container)`,
      severity: SEVERITY[action],
      data: { source: 'docker', action, container: name, replica: Number(labels[LABELS.replica] ?? 0) },
      source: 'docker',
      topologyId,
      container: name,
      at: now.toISOString(),
    };
  } catch (err) {
    throw toContractError(err, what);
  }
}

/** When the topology was brought up: its network's creation (the first thing a bring-up makes). */
async function topologyStart(docker: Dockerode, topologyId: string, fallback: string): Promise<number> {
  const networks = await docker.listNetworks({ filters: JSON.stringify({ label: [`${LABELS.topology}=${topologyId}`] }) });
  const created = networks.map((n) => Date.parse((n as { Created?: string }).Created ?? '')).filter(Number.isFinite);
  return created.length > 0 ? Math.min(...created) : Date.parse(fallback);
}
