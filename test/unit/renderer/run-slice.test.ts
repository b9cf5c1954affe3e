import { describe, expect, it, vi } from 'vitest';
import { ContractError, DEFAULT_SETTINGS, type DevsimApi, type RunInfo } from '../../../src-preload/contract/index.js';
import { createAppStore } from '../../../src-renderer/src/stores/app-store.js';
import { columnOf } from '../../../src-renderer/src/stores/run-series.js';
import { fakePlatform, opened } from './fake-documents.js';

const METRICS = ['throughput_rps', 'latency_p99_ms'];
const NODES = ['db', 'cache'];

const info = (over: Partial<RunInfo> = {}): RunInfo => ({
  id: 'run-1',
  name: 'Shop',
  createdAt: '2025-01-01T00:00:00Z',
  state: 'running',
  seed: 1,
  parameters: { durationS: 120, warmupS: 0, speed: 'max', seriesIntervalS: 1 },
  simulatedMs: 0,
  endMs: 120_000,
  events: 0,
  layout: { intervalMs: 1000, nodes: NODES, metrics: METRICS },
  summary: null,
  error: null,
  stopReason: null,
  dropped: { frames: 0, events: 0 },
  ...over,
});

/** A host whose pushed events the test sends by hand. */
function fakeRunHost() {
  const listeners: Record<string, ((p: never) => void)[]> = { progress: [], records: [], finished: [] };
  const on = (k: string) => (l: (p: never) => void) => {
    listeners[k]!.push(l);
    return () => {};
  };
  const api = {
    startRun: vi.fn(async (_args: unknown) => info()),
    pauseRun: vi.fn(async () => info({ state: 'paused' })),
    resumeRun: vi.fn(async () => info({ state: 'running' })),
    stepRun: vi.fn(async () => info({ state: 'paused', events: 1 })),
    setRunSpeed: vi.fn(async () => info()),
    cancelRun: vi.fn(async () => info({ state: 'cancelled' })),
    getRun: vi.fn(async () => info()),
    onRunProgress: vi.fn(on('progress')),
    onRunRecords: vi.fn(on('records')),
    onRunFinished: vi.fn(on('finished')),
  };
  const push = (k: 'progress' | 'records' | 'finished', payload: unknown) => listeners[k]!.forEach((l) => l(payload as never));
  return { api, push };
}

function runStore() {
  const host = fakeRunHost();
  const store = createAppStore(host.api as unknown as DevsimApi, { state: 'connected' }, fakePlatform());
  store.setState({ settings: { ...DEFAULT_SETTINGS } });
  return { host, store, s: store.getState };
}

async function started(findings: ReturnType<typeof opened>['findings'] = []) {
  const r = runStore();
  // openText goes through the document host; put the document in place directly.
  r.store.setState({ doc: { ...opened({ findings }), dirty: false, key: 'k', revision: 0, autosavedRevision: null, autosavedAt: null, autosaveError: null } });
  return r;
}

describe('run slice', () => {
  it('start → progress → records → finished: keeps the series in typed arrays, the events, the summary', async () => {
    const { s, host } = await started();
    s().setRunSettings({ durationS: 120, seed: 7, speed: 'max' });
    await s().startRun();
    expect(host.api.startRun).toHaveBeenCalledWith(expect.objectContaining({ parameters: { speed: 'max', durationS: 120, seed: 7 } }));
    expect(s().run).toMatchObject({ id: 'run-1', state: 'running', endMs: 120_000 });

    host.push('progress', { id: 'run-1', state: 'running', simulatedMs: 60_000, endMs: 120_000, events: 5000, eventsPerSecond: 1e6 });
    host.push('progress', { id: 'run-other', state: 'running', simulatedMs: 1, endMs: 2, events: 1, eventsPerSecond: 1 });
    expect(s().run).toMatchObject({ simulatedMs: 60_000, events: 5000, eventsPerSecond: 1e6 });

    const values = (k: number) => [10 * k, 100 + k, 20 * k, null];
    host.push('records', { id: 'run-1', frames: [1, 2].map((k) => ({ tMs: k * 1000, values: values(k) })), events: [{ tMs: 500, type: 'alert-firing', target: 'db', message: 'high', severity: 'warning' }], droppedEvents: 0 });
    // Past the first capacity: the arrays grow.
    host.push('records', { id: 'run-1', frames: Array.from({ length: 300 }, (_, i) => ({ tMs: (i + 3) * 1000, values: values(i + 3) })), events: [], droppedEvents: 2 });
    const run = s().run!;
    expect(run.series.length).toBe(302);
    expect(run.series.t).toBeInstanceOf(Float64Array);
    expect(Array.from(columnOf(run.series, 'db', 'throughput_rps')!.subarray(0, 2))).toEqual([10, 20]);
    expect(Array.from(columnOf(run.series, 'db', 'latency_p99_ms')!.subarray(0, 2))).toEqual([101, 102]);
    expect(Number.isNaN(columnOf(run.series, 'cache', 'latency_p99_ms')![0])).toBe(true);
    expect(run.log).toHaveLength(1);
    expect(run.droppedEvents).toBe(2);
    expect(run.version).toBe(2);

    const summary = { nodes: { db: { throughput_rps: 10 } }, sources: {}, totals: {} };
    host.push('finished', info({ state: 'completed', simulatedMs: 120_000, events: 9000, summary }));
    expect(s().run).toMatchObject({ state: 'completed', simulatedMs: 120_000, summary });
    // A late progress message does not bring it back to running.
    host.push('progress', { id: 'run-1', state: 'running', simulatedMs: 119_000, endMs: 120_000, events: 1, eventsPerSecond: 1 });
    expect(s().run?.state).toBe('completed');
    expect(s().doc?.name).toBe('shop.devsim.yaml');
  });

  it('a finished run whose live stream skipped frames gets every stored frame', async () => {
    const { s, host } = await started();
    const stored = Array.from({ length: 120 }, (_, k) => ({ tMs: (k + 1) * 1000, values: [k, 1, 2, 3] }));
    const api = host.api as typeof host.api & { getRunSeries?: unknown };
    api.getRunSeries = vi.fn(async () => ({ layout: info().layout, frames: stored, truncated: false }));
    await s().startRun();
    host.push('records', { id: 'run-1', frames: [stored[0], stored[119]], events: [], droppedEvents: 0 });
    host.push('finished', info({ state: 'completed', simulatedMs: 120_000 }));
    await vi.waitFor(() => expect(s().run?.series.length).toBe(120));
    expect(api.getRunSeries).toHaveBeenCalledWith(expect.objectContaining({ id: 'run-1' }));
    expect(Array.from(columnOf(s().run!.series, 'db', 'throughput_rps')!.subarray(0, 3))).toEqual([0, 1, 2]);
  });

  it('a failed run keeps its error in place; a refused start shows the host message', async () => {
    const { s, host } = await started();
    await s().startRun();
    host.push('finished', info({ state: 'failed', error: 'worker ran out of memory' }));
    expect(s().run).toMatchObject({ state: 'failed', error: 'worker ran out of memory' });

    host.api.startRun.mockRejectedValueOnce(new ContractError('BAD_REQUEST', 'nodes.api: no replicas', 'startRun'));
    await s().startRun();
    expect(s().runError).toBe('nodes.api: no replicas');
    expect(s().runBusy).toBeNull();
  });

  it('messages that come before startRun answers are not lost', async () => {
    const { s, host } = await started();
    host.api.startRun.mockImplementationOnce(async () => {
      host.push('records', { id: 'run-1', frames: [{ tMs: 1000, values: [1, 2, 3, 4] }], events: [], droppedEvents: 0 });
      host.push('finished', info({ state: 'completed', simulatedMs: 120_000 }));
      return info();
    });
    await s().startRun();
    expect(s().run).toMatchObject({ state: 'completed' });
    expect(s().run?.series.length).toBe(1);
  });

  it('when startRun answers before the layout is known, the frames wait for it (getRun) and are kept', async () => {
    const { s, host } = await started();
    host.api.startRun.mockResolvedValueOnce(info({ layout: { intervalMs: 1000, nodes: [], metrics: [] } }));
    await s().startRun();
    host.push('records', { id: 'run-1', frames: [{ tMs: 1000, values: [5, 6, 7, 8] }], events: [], droppedEvents: 0 });
    host.push('records', { id: 'run-1', frames: [{ tMs: 2000, values: [9, 6, 7, 8] }], events: [], droppedEvents: 0 });
    await vi.waitFor(() => expect(s().run?.series.nodes).toEqual(NODES));
    expect(host.api.getRun).toHaveBeenCalledTimes(1);
    expect(Array.from(columnOf(s().run!.series, 'db', 'throughput_rps')!)).toEqual([5, 9]);
    host.push('records', { id: 'run-1', frames: [{ tMs: 3000, values: [1, 2, 3, 4] }], events: [], droppedEvents: 0 });
    expect(Array.from(columnOf(s().run!.series, 'cache', 'throughput_rps')!)).toEqual([7, 7, 3]);
  });

  it('pause, step, resume and stop go to the host; stop cancels', async () => {
    const { s, host } = await started();
    await s().startRun();
    await s().pauseRun();
    expect(s().run?.state).toBe('paused');
    await s().stepRun();
    expect(host.api.stepRun).toHaveBeenCalledWith({ id: 'run-1', events: 1 });
    await s().resumeRun();
    expect(s().run?.state).toBe('running');
    await s().changeSpeed(100);
    expect(host.api.setRunSpeed).toHaveBeenCalledWith({ id: 'run-1', speed: 100 });
    expect(s().runSettings.speed).toBe(100);
    await s().stopRun();
    expect(host.api.cancelRun).toHaveBeenCalledWith({ id: 'run-1' });
    expect(s().run?.state).toBe('cancelled');
    // Finished: the controls do nothing more.
    await s().pauseRun();
    expect(host.api.pauseRun).toHaveBeenCalledTimes(1);
  });

  it('a document with errors does not start', async () => {
    const { s, host } = await started([{ severity: 'error', code: 'x', path: 'nodes.a', message: 'bad' }]);
    await s().startRun();
    expect(host.api.startRun).not.toHaveBeenCalled();
    expect(s().run).toBeNull();
  });
});
