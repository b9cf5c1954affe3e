// A container's logs as batches of lines, stdout and stderr kept apart (docker-modem's
// demuxStream for containers without a TTY), optionally with the engine's timestamps.
import { PassThrough, Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { LogLine } from '../../src-preload/contract/index.js';
import { toContractError } from './docker-errors.js';

export interface LogRequest {
  id: string;
  follow: boolean;
  timestamps: boolean;
  tail: number;
  since?: number | undefined;
}

export interface LogSink {
  lines(lines: LogLine[]): void;
  /** Once: the stream ended (container stopped, since follow ended) or failed. */
  end(reason: 'ended' | 'failed' | 'stopped', message: string): void;
}

const FLUSH_MS = 50;
const MAX_BATCH = 500;

/** Starts streaming; resolves with the container's full id once the stream is open. */
export async function streamLogs(docker: Dockerode, request: LogRequest, sink: LogSink, signal: AbortSignal): Promise<string> {
  const container = docker.getContainer(request.id);
  let tty: boolean;
  let fullId: string;
  try {
    const info = await container.inspect();
    tty = info.Config.Tty;
    fullId = info.Id;
  } catch (err) {
    throw toContractError(err, `container ${request.id}`);
  }
  const options = { stdout: true, stderr: true, timestamps: request.timestamps, tail: request.tail, abortSignal: signal, ...(request.since === undefined ? {} : { since: request.since }) };
  let raw: NodeJS.ReadableStream;
  try {
    // follow: a live stream; otherwise dockerode hands back the whole (multiplexed) buffer.
    raw = request.follow
      ? await container.logs({ ...options, follow: true })
      : Readable.from([(await container.logs({ ...options, follow: false })) as unknown as Buffer]);
  } catch (err) {
    throw toContractError(err, `logs of container ${request.id}`);
  }
  pipeLines(docker, raw, tty, request.timestamps, sink, signal);
  return fullId;
}

function pipeLines(docker: Dockerode, raw: NodeJS.ReadableStream, tty: boolean, timestamps: boolean, sink: LogSink, signal: AbortSignal): void {
  let batch: LogLine[] = [];
  let timer: NodeJS.Timeout | null = null;
  let done = false;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (batch.length === 0) return;
    const out = batch;
    batch = [];
    sink.lines(out);
  };
  const push = (stream: LogLine['stream'], text: string): void => {
    batch.push(toLine(stream, text, timestamps));
    if (batch.length >= MAX_BATCH) flush();
    else timer ??= setTimeout(flush, FLUSH_MS);
  };
  const finish = (reason: 'ended' | 'failed' | 'stopped', message: string): void => {
    if (done) return;
    done = true;
    flush();
    sink.end(reason, message);
  };
  const stdout = lineSplitter((text) => push('stdout', text));
  const stderr = lineSplitter((text) => push('stderr', text));
  if (tty) raw.on('data', (chunk: Buffer) => stdout.write(chunk));
  else {
    const out = new PassThrough();
    const err = new PassThrough();
    out.on('data', (chunk: Buffer) => stdout.write(chunk));
    err.on('data', (chunk: Buffer) => stderr.write(chunk));
    docker.modem.demuxStream(raw, out, err);
  }
  raw.on('end', () => {
    stdout.close();
    stderr.close();
    finish('ended', 'the log stream ended (the container stopped or was removed)');
  });
  raw.on('error', (error: Error) => {
    stdout.close();
    stderr.close();
    if (signal.aborted) finish('stopped', 'stopped');
    else finish('failed', `the log stream broke: ${error.message}`);
  });
  signal.addEventListener('abort', () => {
    (raw as Readable).destroy?.();
    finish('stopped', 'stopped');
  });
}

/** Bytes in, whole lines out (a partial last line waits for its end or for close). */
function lineSplitter(onLine: (text: string) => void): { write(chunk: Buffer): void; close(): void } {
  let rest = '';
  return {
    write(chunk) {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) onLine(part.replace(/\r$/, ''));
    },
    close() {
      if (rest !== '') onLine(rest);
      rest = '';
    },
  };
}

function toLine(stream: LogLine['stream'], text: string, timestamps: boolean): LogLine {
  if (!timestamps) return { stream, text };
  const space = text.indexOf(' ');
  const stamp = space > 0 ? text.slice(0, space) : '';
  return /^\d{4}-\d\d-\d\dT/.test(stamp) ? { stream, time: stamp, text: text.slice(space + 1) } : { stream, text };
}
