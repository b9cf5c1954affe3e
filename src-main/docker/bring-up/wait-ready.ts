import { connect } from 'node:net';
import type Dockerode from 'dockerode';
import { ContractError } from '../../../src-preload/contract/index.js';
import type { PlannedContainer } from './plan.js';

export interface WaitOptions {
  signal: AbortSignal;
  timeoutMs: number;
  /** Where published ports are reached: 127.0.0.1 for a local engine. */
  probeHost: string;
  pollMs?: number;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Without a health check or a port, "ready" means still running this long after its start: a
 * container that exits at once (a bad command) is often seen running on the first look.
 */
const RUNNING_SETTLE_MS = 1000;

export const cancelled = (): ContractError => new ContractError('CANCELLED', 'Bring-up cancelled; what it created is being removed.');

/**
 * Whether something answers on host:port. Docker's userland proxy accepts a connection even
 * when nothing listens inside the container and then drops it, so a connection that stays
 * open for `settleMs` counts, one closed at once does not.
 */
export function probeTcp(host: string, port: number, settleMs = 250): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let done = false;
    const finish = (ok: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), settleMs + 2000);
    socket.once('connect', () => setTimeout(() => finish(!socket.destroyed && socket.readyState === 'open'), settleMs));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
    socket.once('end', () => finish(false));
  });
}

/**
 * Waits until the container is ready: its Docker health check says healthy; without one, a
 * published TCP port answers; without either, it keeps running for a second. Fails at once when it exits
 * or turns unhealthy, and after the timeout, naming the container.
 */
export async function waitReady(docker: Dockerode, container: PlannedContainer, options: WaitOptions): Promise<'healthy' | 'port' | 'running'> {
  const deadline = Date.now() + options.timeoutMs;
  const poll = options.pollMs ?? 250;
  const tcp = container.ports.find((p) => p.protocol === 'tcp');
  for (;;) {
    const info = await docker.getContainer(container.name).inspect();
    const state = info.State;
    if (!state.Running && state.Status !== 'created') {
      throw new ContractError(
        'CONFLICT',
        `Container ${container.name} (node "${container.node}") stopped while starting: ${state.Status}, exit code ${state.ExitCode}${state.Error ? ` (${state.Error})` : ''}. Its logs say why.`,
        `nodes.${container.node}`,
      );
    }
    const health = (state as { Health?: { Status?: string } }).Health?.Status;
    if (container.healthCheck) {
      if (health === 'healthy') return 'healthy';
      if (health === 'unhealthy') {
        throw new ContractError('CONFLICT', `Container ${container.name} (node "${container.node}") is unhealthy: its health check failed ${container.healthCheck.retries} times.`, `nodes.${container.node}.healthCheck`);
      }
    } else if (tcp) {
      if (await probeTcp(options.probeHost, tcp.hostPort)) return 'port';
    } else if (state.Running && Date.now() - Date.parse(state.StartedAt) >= RUNNING_SETTLE_MS) {
      return 'running';
    }
    if (Date.now() > deadline) {
      const what = container.healthCheck ? 'to turn healthy' : `to answer on ${options.probeHost}:${tcp?.hostPort}`;
      throw new ContractError('CONFLICT', `Container ${container.name} (node "${container.node}") did not manage ${what} within ${Math.round(options.timeoutMs / 1000)} s.`, `nodes.${container.node}`);
    }
    await sleep(poll, options.signal);
  }
}

export { sleep };
