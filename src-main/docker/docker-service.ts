// The app's Docker service: one connection, the live container list, and every operation
// the contract offers. Main-only; the renderer reaches it through the contract, never the socket.
import type Dockerode from 'dockerode';
import { ContractError, MANAGED_LABEL_PREFIX, type ContainerSummary, type DockerStatus, type EventName, type EventPayload } from '../../src-preload/contract/index.js';
import { DockerConnection, type ConnectionOptions } from './connection.js';
import { ContainerWatch } from './container-watch.js';
import * as containers from './containers.js';
import { isEngineGone, toContractError } from './docker-errors.js';
import * as images from './images.js';
import { streamLogs, type LogRequest } from './log-stream.js';
import { Cancellables } from './operations.js';
import { streamStats } from './stats-stream.js';

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface DockerServiceOptions extends Omit<ConnectionOptions, 'onStatus' | 'onConnected'> {
  emit: Emit;
}

export class DockerService {
  readonly connection: DockerConnection;
  private watch: ContainerWatch | null = null;
  private latest: ContainerSummary[] = [];
  private readonly operations = new Cancellables();
  private readonly streams = new Cancellables();
  private readonly emit: Emit;

  constructor(options: DockerServiceOptions) {
    this.emit = options.emit;
    this.connection = new DockerConnection({
      ...options,
      onStatus: (status) => this.emit('dockerStatus', status),
      onConnected: (docker) => this.watchContainers(docker),
    });
  }

  status(): DockerStatus {
    return this.connection.status();
  }

  /** Connects if it has not tried yet; always answers with a status. */
  async currentStatus(): Promise<DockerStatus> {
    if (this.connection.status().state === 'idle') await this.connection.ensure().catch(() => undefined);
    return this.connection.status();
  }

  connect(endpoint?: string): Promise<DockerStatus> {
    return this.connection.connect(endpoint);
  }

  /** The settings' dockerHost changed: find the engine again. */
  settingChanged(): void {
    if (this.connection.status().state !== 'idle') void this.connection.connect().catch(() => undefined);
  }

  /** The list as of the last event (the watch keeps it current). */
  containers(): ContainerSummary[] {
    return this.latest;
  }

  listContainers(scope: 'all' | 'managed'): Promise<ContainerSummary[]> {
    return this.use('list containers', async (docker) => {
      const list = await containers.listContainers(docker);
      this.latest = list;
      return scope === 'managed' ? list.filter((c) => c.managed) : list;
    });
  }

  containerAction(args: { id: string; action: Parameters<typeof containers.containerAction>[2]; explicit: boolean; timeoutS?: number | undefined }): Promise<ContainerSummary> {
    return this.use(`${args.action} container ${args.id}`, (docker) => containers.containerAction(docker, args.id, args.action, args), true);
  }

  inspectContainer(id: string): Promise<Record<string, unknown>> {
    return this.use(`inspect container ${id}`, (docker) => containers.inspectContainer(docker, id));
  }

  async removeContainer(args: { id: string; force: boolean; explicit: boolean }): Promise<{ removed: string }> {
    return { removed: await this.use(`remove container ${args.id}`, (docker) => containers.removeContainer(docker, args.id, args), true) };
  }

  removeContainers(args: { operationId: string; ids?: string[] | undefined; topologyId?: string | undefined; force: boolean }): Promise<containers.BulkRemoveResult> {
    return this.use(
      'remove containers',
      async (docker) => {
        const signal = this.operations.begin(args.operationId, 'remove containers');
        const progress = (state: 'running' | 'done' | 'cancelled', current: number, total: number, message: string): void =>
          this.emit('operationProgress', { operationId: args.operationId, kind: 'remove', state, message, current, total });
        try {
          const result = await containers.removeManagedContainers(docker, args, (done, total, message) => progress('running', done, total, message), signal);
          progress(result.cancelled ? 'cancelled' : 'done', result.removed.length, result.removed.length + result.skipped.length, result.cancelled ? 'cancelled' : `removed ${result.removed.length}`);
          return result;
        } finally {
          this.operations.end(args.operationId);
        }
      },
      true,
    );
  }

  listImages(): ReturnType<typeof images.listImages> {
    return this.use('list images', (docker) => images.listImages(docker));
  }

  async removeImage(image: string, force: boolean): Promise<{ removed: string[] }> {
    return { removed: await this.use(`remove image ${image}`, (docker) => images.removeImage(docker, image, force)) };
  }

  pullImage(operationId: string, image: string): Promise<{ image: string; cancelled: boolean }> {
    return this.use(`pull ${image}`, async (docker) => {
      const signal = this.operations.begin(operationId, `pull ${image}`);
      const report = (state: 'running' | 'done' | 'failed' | 'cancelled', message: string, extra: { current?: number; total?: number } = {}): void =>
        this.emit('operationProgress', { operationId, kind: 'pull', state, message, ...extra });
      try {
        const done = await images.pullImage(docker, image, (p) => report('running', p.message, p), signal);
        report(done ? 'done' : 'cancelled', done ? `pulled ${image}` : `pull of ${image} cancelled`);
        return { image, cancelled: !done };
      } catch (err) {
        report('failed', (err as Error).message);
        throw err;
      } finally {
        this.operations.end(operationId);
      }
    });
  }

  cancelOperation(operationId: string): { cancelled: boolean } {
    return { cancelled: this.operations.cancel(operationId) };
  }

  startLogs(args: LogRequest & { streamId: string }): Promise<{ streamId: string }> {
    return this.use(`logs of container ${args.id}`, async (docker) => {
      const signal = this.streams.begin(args.streamId, 'logs');
      let containerId = args.id;
      try {
        containerId = await streamLogs(
          docker,
          args,
          {
            lines: (lines) => this.emit('logChunk', { streamId: args.streamId, containerId, lines }),
            end: (reason, message) => this.streamEnded(args.streamId, 'logs', reason, message),
          },
          signal,
        );
      } catch (err) {
        this.streams.end(args.streamId);
        throw err;
      }
      return { streamId: args.streamId };
    });
  }

  startStats(streamId: string, id: string): Promise<{ streamId: string }> {
    return this.use(`stats of container ${id}`, async (docker) => {
      const signal = this.streams.begin(streamId, 'stats');
      try {
        await streamStats(
          docker,
          id,
          {
            sample: (sample) => this.emit('statsSample', { streamId, ...sample }),
            end: (reason, message) => this.streamEnded(streamId, 'stats', reason, message),
          },
          signal,
        );
      } catch (err) {
        this.streams.end(streamId);
        throw err;
      }
      return { streamId };
    });
  }

  stopStream(streamId: string): { stopped: boolean } {
    return { stopped: this.streams.cancel(streamId) };
  }

  /**
   * Creates a container labelled as the app's (bring-up and tests): `labels` must carry at
   * least one io.devsim.* key, so the safety rule can recognise it later.
   */
  async createManagedContainer(options: Dockerode.ContainerCreateOptions): Promise<Dockerode.Container> {
    if (!Object.keys(options.Labels ?? {}).some((k) => k.startsWith(MANAGED_LABEL_PREFIX))) {
      throw new ContractError('BAD_REQUEST', `a container the app creates needs an ${MANAGED_LABEL_PREFIX}* label`, 'Labels');
    }
    return this.use(`create container ${options.name ?? options.Image ?? ''}`, (docker) => docker.createContainer(options));
  }

  /** The connected dockerode client, for main-side services (bring-up); never the renderer. */
  client(): Promise<Dockerode> {
    return this.connection.ensure();
  }

  close(): void {
    this.operations.cancelAll();
    this.streams.cancelAll();
    this.watch?.stop();
    this.watch = null;
    this.connection.close();
  }

  private streamEnded(streamId: string, kind: 'logs' | 'stats', reason: 'ended' | 'failed' | 'stopped', message: string): void {
    this.streams.end(streamId);
    this.emit('dockerStreamEnded', { streamId, kind, reason, message });
  }

  private watchContainers(docker: Dockerode): void {
    this.watch?.stop();
    const watch = new ContainerWatch(docker, {
      changed: (list, reason) => {
        this.latest = list;
        this.emit('containersChanged', { containers: list, reason });
      },
      lost: (err) => {
        if (this.watch === watch) this.watch = null;
        watch.stop();
        this.connection.lost(err);
      },
    });
    this.watch = watch;
    void watch.start();
  }

  /**
   * Runs one operation on the connected engine and turns failures into typed errors. An
   * engine that went away marks the connection lost; afterAction re-lists so the renderer
   * re-syncs even when the engine's event is late or the container vanished behind our back.
   */
  private async use<T>(what: string, work: (docker: Dockerode) => Promise<T>, afterAction = false): Promise<T> {
    const docker = await this.connection.ensure();
    try {
      return await work(docker);
    } catch (err) {
      if (isEngineGone(err)) this.connection.lost(err);
      const error = toContractError(err, what);
      if (afterAction && (error.code === 'NOT_FOUND' || error.code === 'CONFLICT')) void this.resync(docker);
      throw error;
    } finally {
      if (afterAction) void this.resync(docker, 'action');
    }
  }

  private async resync(docker: Dockerode, reason: 'resync' | 'action' = 'resync'): Promise<void> {
    try {
      this.latest = await containers.listContainers(docker);
      this.emit('containersChanged', { containers: this.latest, reason });
    } catch {
      // the engine left: the connection reports it
    }
  }
}
