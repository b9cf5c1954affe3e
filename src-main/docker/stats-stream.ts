// A running container's live stats (one engine frame a second) as contract samples.
import type Dockerode from 'dockerode';
import type { Readable } from 'node:stream';
import type { StatsSample } from '../../src-preload/contract/index.js';
import { toContractError } from './docker-errors.js';
import { statsNumbers, type EngineStats } from './stats-math.js';

export interface StatsSink {
  sample(sample: Omit<StatsSample, 'streamId'>): void;
  end(reason: 'ended' | 'failed' | 'stopped', message: string): void;
}

export async function streamStats(docker: Dockerode, ref: string, sink: StatsSink, signal: AbortSignal): Promise<string> {
  const container = docker.getContainer(ref);
  let id: string;
  let raw: NodeJS.ReadableStream;
  try {
    id = (await container.inspect()).Id;
    // abortSignal works at runtime (dockerode passes it to the modem); its types leave it out.
    const options = { stream: true, abortSignal: signal } as { stream: true };
    raw = await container.stats(options);
  } catch (err) {
    throw toContractError(err, `stats of container ${ref}`);
  }
  let rest = '';
  let done = false;
  const finish = (reason: 'ended' | 'failed' | 'stopped', message: string): void => {
    if (done) return;
    done = true;
    sink.end(reason, message);
  };
  raw.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      if (part.trim() === '') continue;
      let frame: EngineStats;
      try {
        frame = JSON.parse(part) as EngineStats;
      } catch {
        continue; // a torn frame: the next one comes within a second
      }
      sink.sample({ containerId: id, time: frame.read ?? new Date().toISOString(), ...statsNumbers(frame) });
    }
  });
  raw.on('end', () => finish('ended', 'the stats stream ended (the container stopped or was removed)'));
  raw.on('error', (error: Error) => (signal.aborted ? finish('stopped', 'stopped') : finish('failed', `the stats stream broke: ${error.message}`)));
  signal.addEventListener('abort', () => {
    (raw as Readable).destroy?.();
    finish('stopped', 'stopped');
  });
  return id;
}
