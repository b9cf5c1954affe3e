// Logs and stats streamed from the private engine through the service's events.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { EventPayload, LogLine } from '../../../src-preload/contract/index.js';
import type { DockerService } from '../../../src-main/docker/index.js';
import { engineIt, makeService, TEST_IMAGE, uniqueName, waitFor, type RecordedEvent } from './engine-fixture.js';

let service: DockerService;
let events: RecordedEvent[];

beforeAll(() => {
  ({ service, events } = makeService());
});
afterAll(() => service.close());

const payloads = <E extends 'logChunk' | 'statsSample' | 'dockerStreamEnded'>(name: E, streamId: string): EventPayload<E>[] =>
  events.filter((e) => e.name === name && (e.payload as { streamId: string }).streamId === streamId).map((e) => e.payload as EventPayload<E>);

describe('log and stats streams (real engine)', () => {
  engineIt('follows logs with timestamps and keeps stdout and stderr apart, from the tail on', async () => {
    const name = uniqueName('logs');
    const script = 'echo early-1; echo early-2; sleep 0.5; i=0; while [ $i -lt 5 ]; do echo out-$i; echo err-$i >&2; i=$((i+1)); sleep 0.05; done; sleep 30';
    const c = await service.createManagedContainer({ name, Image: TEST_IMAGE, Cmd: ['sh', '-c', script], Labels: { 'io.devsim.test': 'logs' }, HostConfig: { Init: true } });
    await c.start();
    await waitFor('the first lines', async () => (await c.logs({ stdout: true, follow: false })).toString().includes('early-2'));
    await service.startLogs({ streamId: 'logs-1', id: name, follow: true, timestamps: true, tail: 1 });
    const lines = (): LogLine[] => payloads('logChunk', 'logs-1').flatMap((p) => p.lines);
    // The last line of each stream: stderr's may arrive before stdout's.
    await waitFor('the followed lines', () => lines().some((l) => l.text === 'err-4') && lines().some((l) => l.text === 'out-4'));
    // Within one stream the order holds; across stdout and stderr Docker promises none.
    expect(lines().filter((l) => l.stream === 'stdout').map((l) => l.text)).toEqual(['early-2', 'out-0', 'out-1', 'out-2', 'out-3', 'out-4']);
    expect(lines().filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(['err-0', 'err-1', 'err-2', 'err-3', 'err-4']);
    expect(lines().every((l) => l.time !== undefined && !Number.isNaN(Date.parse(l.time)))).toBe(true);
    expect(service.stopStream('logs-1')).toEqual({ stopped: true });
    await waitFor('the stream end', () => payloads('dockerStreamEnded', 'logs-1').length > 0);
    expect(payloads('dockerStreamEnded', 'logs-1')[0]).toMatchObject({ kind: 'logs', reason: 'stopped' });
    await c.remove({ force: true });
  });

  engineIt('ends a followed log stream when its container stops', async () => {
    const c = await service.createManagedContainer({ name: uniqueName('logend'), Image: TEST_IMAGE, Cmd: ['sh', '-c', 'echo bye; sleep 0.3'], Labels: { 'io.devsim.test': 'logs' } });
    await c.start();
    await service.startLogs({ streamId: 'logs-2', id: c.id, follow: true, timestamps: false, tail: 100 });
    await waitFor('the end of the stream', () => payloads('dockerStreamEnded', 'logs-2').length > 0);
    expect(payloads('dockerStreamEnded', 'logs-2')[0]).toMatchObject({ reason: 'ended' });
    expect(payloads('logChunk', 'logs-2').flatMap((p) => p.lines)).toEqual([{ stream: 'stdout', text: 'bye' }]);
    await c.remove({ force: true });
  });

  engineIt('samples live stats: CPU %, memory, network and PIDs of a busy container', async () => {
    const c = await service.createManagedContainer({
      name: uniqueName('stats'),
      Image: TEST_IMAGE,
      // A busy loop for CPU, a ping to the bridge gateway for network bytes.
      Cmd: ['sh', '-c', 'ping -c 50 -i 0.2 $(ip route | awk "/default/ {print \\$3}") >/dev/null 2>&1 & while true; do :; done'],
      Labels: { 'io.devsim.test': 'stats' },
      HostConfig: { Init: true },
    });
    await c.start();
    await service.startStats('stats-1', c.id);
    const samples = await waitFor('two stats samples', () => {
      const s = payloads('statsSample', 'stats-1');
      return s.length >= 2 ? s : null;
    }, 15_000);
    const last = samples.at(-1)!;
    expect(last.containerId).toBe(c.id);
    expect(last.cpuPercent).toBeGreaterThan(5); // the busy loop
    expect(last.onlineCpus).toBeGreaterThan(0);
    expect(last.memoryBytes).toBeGreaterThan(0);
    expect(last.memoryLimitBytes).toBeGreaterThan(last.memoryBytes);
    expect(last.networkRxBytes + last.networkTxBytes).toBeGreaterThan(0);
    expect(last.pids).toBeGreaterThanOrEqual(2);
    service.stopStream('stats-1');
    await c.remove({ force: true });
  }, 25_000);
});
