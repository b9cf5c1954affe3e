// The run service in main: each run's kernel goes in its own worker thread, up to the cores
// available (more wait, state queued); what the workers record is stored in SQLite and
// streamed to the renderer through a RunStream. A worker that fails takes only its run down.
import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import { ContractError, FINAL_RUN_STATES, type Deployment, type Fault, type ParsedArgs, type RunEventDto, type RunInfo, type RunSpeed, type RunStateName, type Topology, topologySchema } from '../../src-preload/contract/index.js';
import type { EventBus } from '../app/event-bus.js';
import type { Logger } from '../app/logger.js';
import type { RunRepo } from '../store/run-repo.js';
import { resolveRunModels, type ModelLookup } from './run-models.js';
import { prepareRun } from './prepare-run.js';
import { eventToDto, RunStream } from './run-stream.js';
import { defaultWorkerFile, RunThread } from './run-thread.js';
import { withWallTime } from './summary-totals.js';
import type { FromWorker, WorkerMischief, WorkerStart } from './worker-protocol.js';

export interface RunServiceOptions {
  repo: RunRepo;
  bus: EventBus;
  /** Where the models that predictive and learned scaling name are found (the model store). */
  models?: ModelLookup;
  log?: Logger;
  /** The built worker entry; default: out/main/run-worker.js. */
  workerFile?: string;
  /** Runs going at once; default: os.availableParallelism(). */
  maxConcurrent?: number;
  /** Wall ms between messages to the renderer per run (default 100: two messages each, 20 a second). */
  streamIntervalMs?: number;
  /** Tests only (test-failure.ts): every run's worker fails on purpose. */
  mischief?: WorkerMischief;
}

interface ActiveRun {
  id: string;
  state: RunStateName;
  start: WorkerStart;
  endMs: number;
  simulatedMs: number;
  events: number;
  stream: RunStream;
  thread?: RunThread;
}

export class RunService {
  private readonly active = new Map<string, ActiveRun>();
  private readonly queue: string[] = [];
  private readonly maxConcurrent: number;

  constructor(private readonly options: RunServiceOptions) {
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? availableParallelism());
    options.repo.failUnfinished('The app closed while this run was going.');
  }

  /** mischief: tests only, a worker that fails on purpose. */
  start(args: ParsedArgs<'startRun'>, mischief = this.options.mischief): RunInfo {
    const prepared = prepareRun(args.document, args.parameters, args.documentPath ?? null);
    const models = resolveRunModels(prepared.document, this.options.models);
    const id = `run-${randomUUID()}`;
    this.options.repo.create({
      id,
      name: args.name ?? args.document.metadata.name,
      createdAt: new Date().toISOString(),
      document: prepared.document,
      seed: prepared.seed,
      parameters: prepared.parameters,
      state: 'queued',
      endMs: prepared.endMs,
      layout: { intervalMs: prepared.parameters.seriesIntervalS * 1000, nodes: [], metrics: [] },
    });
    const start: WorkerStart = {
      document: prepared.document,
      options: prepared.options,
      speed: args.parameters.speed,
      ...(Object.keys(models).length > 0 ? { models } : {}),
      ...(mischief ? { mischief } : {}),
    };
    const run: ActiveRun = { id, state: 'queued', start, endMs: prepared.endMs, simulatedMs: 0, events: 0, stream: new RunStream(id, this.options.bus, this.options.streamIntervalMs) };
    this.active.set(id, run);
    this.queue.push(id);
    this.launchQueued();
    return this.get(id);
  }

  pause(id: string): RunInfo {
    const run = this.running(id, 'pause');
    if (run.state === 'running') this.control(run, 'paused', { type: 'pause' });
    return this.get(id);
  }

  resume(id: string): RunInfo {
    const run = this.running(id, 'resume');
    if (run.state === 'paused') this.control(run, 'running', { type: 'resume' });
    return this.get(id);
  }

  step(id: string, events: number): RunInfo {
    const run = this.running(id, 'step');
    if (run.state !== 'paused') throw new ContractError('BAD_REQUEST', 'Pause the run before stepping it.', 'id');
    run.thread!.send({ type: 'step', events });
    return this.get(id);
  }

  setSpeed(id: string, speed: RunSpeed): RunInfo {
    const run = this.live(id);
    run.start.speed = speed;
    run.thread?.send({ type: 'speed', speed });
    return this.get(id);
  }

  async inject(id: string, fault: Fault): Promise<RunInfo> {
    const run = this.running(id, 'inject a fault into');
    await run.thread!.inject(fault);
    return this.get(id);
  }

  /** Starts rolling out a new version of a node's instances in a live run (the `at` is ignored). */
  async deploy(id: string, deployment: Deployment): Promise<RunInfo> {
    const run = this.running(id, 'start a deployment in');
    await run.thread!.deploy(deployment);
    return this.get(id);
  }

  /** Runs going now (running or paused, not queued) and the documents they simulate. */
  liveRuns(): { id: string; document: Topology }[] {
    return [...this.active.values()].filter((run) => run.thread !== undefined).map((run) => ({ id: run.id, document: run.start.document }));
  }

  /**
   * Records an event that happened outside the kernel (chaos on a real container) on a live
   * run's timeline, at the run's current simulated time: stored with the run's own events and
   * streamed to the charts like them. Returns the event as recorded.
   */
  recordExternalEvent(id: string, event: Omit<RunEventDto, 'tMs'>): RunEventDto {
    const run = this.running(id, 'record an event on');
    const recorded: RunEventDto = { ...event, tMs: run.simulatedMs };
    this.options.repo.append(run.id, [], [recorded]);
    run.stream.records([], [recorded]);
    return recorded;
  }

  /** Ends a run now (its thread is terminated); what it recorded so far stays stored. */
  cancel(id: string): RunInfo {
    const run = this.active.get(id);
    if (!run) return this.get(id); // already finished: nothing to do
    const queued = this.queue.indexOf(id);
    if (queued >= 0) this.queue.splice(queued, 1);
    const thread = run.thread;
    this.finish(run, 'cancelled', {});
    thread?.terminate().catch((err: unknown) => this.options.log?.warn(`run ${id}: its thread did not end cleanly: ${String(err)}`));
    return this.get(id);
  }

  list(): RunInfo[] {
    return this.options.repo.list().map((info) => this.withLive(info));
  }

  get(id: string): RunInfo {
    const info = this.options.repo.get(id);
    if (!info) throw new ContractError('NOT_FOUND', `There is no run ${id}.`, 'id');
    return this.withLive(info);
  }

  /** The document the run simulated, read back through the contract's schema (a stored run may predate a field). */
  document(id: string): { document: Topology } {
    let stored: unknown;
    try {
      stored = this.options.repo.document(id);
    } catch (err) {
      throw new ContractError('STORAGE', `The document stored with run ${id} could not be read: ${(err as Error).message}.`, 'id');
    }
    if (stored === undefined) throw new ContractError('NOT_FOUND', `There is no run ${id}.`, 'id');
    const parsed = topologySchema.safeParse(stored);
    if (!parsed.success) throw new ContractError('STORAGE', `The document stored with run ${id} no longer reads: ${parsed.error.issues[0]?.message ?? 'invalid'}.`, 'id');
    return { document: parsed.data };
  }

  series(args: ParsedArgs<'getRunSeries'>) {
    const found = this.options.repo.series(args.id, args);
    if (!found) throw new ContractError('NOT_FOUND', `There is no run ${args.id}.`, 'id');
    return found;
  }

  events(args: ParsedArgs<'getRunEvents'>) {
    const found = this.options.repo.events(args.id, args);
    if (!found) throw new ContractError('NOT_FOUND', `There is no run ${args.id}.`, 'id');
    return found;
  }

  delete(id: string): { deleted: boolean } {
    if (this.active.has(id)) this.cancel(id);
    return { deleted: this.options.repo.delete(id) };
  }

  /** Ends every run (the app is closing); they are stored as cancelled. */
  close(): void {
    for (const id of [...this.queue, ...this.active.keys()]) this.cancel(id);
  }

  private launchQueued(): void {
    while (this.queue.length > 0 && this.threads() < this.maxConcurrent) {
      const run = this.active.get(this.queue.shift()!)!;
      run.state = 'running';
      this.options.repo.update(run.id, { state: 'running' });
      try {
        const file = this.options.workerFile ?? defaultWorkerFile();
        run.thread = new RunThread(file, run.start, {
          message: (m) => this.received(run, m),
          failed: (message) => this.finish(run, 'failed', { error: message }),
        });
      } catch (err) {
        this.finish(run, 'failed', { error: (err as Error).message });
      }
      run.stream.update(this.progressOf(run));
    }
  }

  private received(run: ActiveRun, m: Exclude<FromWorker, { type: 'reply' }>): void {
    if (m.type === 'started') {
      this.options.repo.setLayout(run.id, m.layout);
      return;
    }
    run.simulatedMs = m.progress.simulatedMs;
    run.events = m.progress.events;
    if (m.type === 'batch') {
      this.options.repo.append(run.id, m.frames, m.events.map(eventToDto), { simulatedMs: run.simulatedMs, events: run.events });
      run.stream.records(m.frames, m.events);
      run.stream.update(this.progressOf(run));
      return;
    }
    const summary = withWallTime(m.summary, m.wallMs);
    this.finish(run, m.state === 'done' ? 'completed' : 'stopped', { summary: summary as unknown as Record<string, unknown>, stopReason: m.stopReason });
  }

  private finish(run: ActiveRun, state: RunStateName, patch: { summary?: Record<string, unknown>; error?: string; stopReason?: string | null }): void {
    if (!this.active.has(run.id)) return;
    this.active.delete(run.id);
    run.state = state;
    if (patch.error !== undefined) this.options.log?.warn(`run ${run.id} failed: ${patch.error}`);
    try {
      this.options.repo.update(run.id, { state, simulatedMs: run.simulatedMs, events: run.events, ...patch });
      run.stream.finish(this.get(run.id));
    } catch (err) {
      this.options.log?.error(`run ${run.id}: could not record its end`, err);
    }
    delete run.thread;
    this.launchQueued();
  }

  private control(run: ActiveRun, state: RunStateName, message: { type: 'pause' } | { type: 'resume' }): void {
    run.state = state;
    run.thread!.send(message);
    this.options.repo.update(run.id, { state });
    run.stream.update(this.progressOf(run));
  }

  private live(id: string): ActiveRun {
    const run = this.active.get(id);
    if (run) return run;
    const info = this.get(id); // NOT_FOUND when there is no such run
    throw new ContractError('BAD_REQUEST', `The run ${id} has ended (${info.state}).`, 'id');
  }

  private running(id: string, doing: string): ActiveRun {
    const run = this.live(id);
    if (!run.thread) throw new ContractError('BAD_REQUEST', `The run ${id} is waiting for a free core; cannot ${doing} it yet.`, 'id');
    return run;
  }

  private threads(): number {
    let n = 0;
    for (const run of this.active.values()) if (run.thread) n++;
    return n;
  }

  private progressOf(run: ActiveRun) {
    return { state: run.state, simulatedMs: run.simulatedMs, endMs: run.endMs, events: run.events };
  }

  private withLive(info: RunInfo): RunInfo {
    const run = this.active.get(info.id);
    if (!run || FINAL_RUN_STATES.includes(info.state)) return info;
    return { ...info, state: run.state, simulatedMs: run.simulatedMs, events: run.events };
  }
}
