// Keeps the container list in step with the engine: its /events stream (container events
// only) triggers a re-list, and so does every (re)connection and every end of the stream.
import type Dockerode from 'dockerode';
import type { Readable } from 'node:stream';
import type { ContainerSummary } from '../../src-preload/contract/index.js';
import { listContainers } from './containers.js';

export interface WatchSink {
  changed(containers: ContainerSummary[], reason: 'event' | 'resync'): void;
  /** The engine stopped answering (the stream broke and a ping failed). */
  lost(err: unknown): void;
}

const SETTLE_MS = 60;

export class ContainerWatch {
  private stream: Readable | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly docker: Dockerode,
    private readonly sink: WatchSink,
  ) {}

  async start(): Promise<void> {
    await this.relist('resync');
    await this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.stream?.destroy();
    this.stream = null;
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    let stream: Readable;
    try {
      stream = (await this.docker.getEvents({ filters: { type: ['container'] } })) as Readable;
    } catch (err) {
      this.sink.lost(err);
      return;
    }
    if (this.stopped) {
      stream.destroy();
      return;
    }
    this.stream = stream;
    // A burst (create, attach, start, …) becomes one re-list.
    stream.on('data', () => this.schedule());
    const closed = (err?: unknown): void => {
      if (this.stream !== stream || this.stopped) return;
      this.stream = null;
      void this.reopen(err);
    };
    stream.on('end', () => closed());
    stream.on('error', (err) => closed(err));
    stream.on('close', () => closed());
  }

  private async reopen(cause: unknown): Promise<void> {
    try {
      await this.docker.ping();
    } catch (err) {
      this.sink.lost(err ?? cause);
      return;
    }
    await this.relist('resync');
    await this.open();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.relist('event');
    }, SETTLE_MS);
  }

  private async relist(reason: 'event' | 'resync'): Promise<void> {
    if (this.stopped) return;
    try {
      const list = await listContainers(this.docker);
      if (!this.stopped) this.sink.changed(list, reason);
    } catch (err) {
      // A re-list that fails because the engine left is reported by the stream; others wait for the next event.
      if ((err as { code?: string }).code) this.sink.lost(err);
    }
  }
}
